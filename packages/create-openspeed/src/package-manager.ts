import { packageManagers } from './_package-manager.ts'

/**
 * A supported package manager.
 *
 * @example
 * const manager: PackageManager = 'pnpm'
 */
export type PackageManager = (typeof packageManagers)[number]

/**
 * The package manager that ran `create` (from `npm_config_user_agent`, e.g. `pnpm/10.3.0 npm/? node/v20`).
 *
 * @example
 * detectPackageManager(process.env.npm_config_user_agent) // 'pnpm' under `pnpm create openspeed`
 */
export function detectPackageManager(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split(' ')[0]?.split('/')[0]
  return packageManagers.includes(name as PackageManager) ? (name as PackageManager) : 'npm'
}
