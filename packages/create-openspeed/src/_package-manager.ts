import type { PackageManager } from './package-manager.ts'
/** Package managers the scaffolder knows how to install with. */
export const packageManagers = ['npm', 'pnpm', 'yarn', 'bun'] as const

/**
 * The package manager a project's steps use: Bun projects install and run with Bun; others with
 * the one that ran `create`.
 */
export function packageManagerFor(runtime: string, detected: PackageManager): PackageManager {
  return runtime === 'bun' ? 'bun' : detected
}

/** How to run a package script with `manager` (`npm run dev`, `pnpm dev`, `bun run test`). */
export function runScript(manager: PackageManager, script: string): string {
  // `bun test` and `bun build` are Bun's own test runner and bundler, not the package's scripts
  return manager === 'npm' || manager === 'bun' ? `${manager} run ${script}` : `${manager} ${script}`
}
