/** Package managers the scaffolder knows how to install with. */
export const packageManagers = ['npm', 'pnpm', 'yarn', 'bun'] as const

/** A supported package manager. */
export type PackageManager = (typeof packageManagers)[number]

/** The package manager that ran `create` (from `npm_config_user_agent`, e.g. `pnpm/10.3.0 npm/? node/v20`). */
export function detectPackageManager(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split(' ')[0]?.split('/')[0]
  return packageManagers.includes(name as PackageManager) ? (name as PackageManager) : 'npm'
}

/** How to run a package script with `manager` (`npm run dev`, `pnpm dev`). */
export function runScript(manager: PackageManager, script: string): string {
  return manager === 'npm' ? `npm run ${script}` : `${manager} ${script}`
}
