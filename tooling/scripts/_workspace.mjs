import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The monorepo's root folder. */
export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..')

/** The folders pnpm-workspace.yaml globs (`<group>/*`). */
export const workspaceGroups = ['packages', 'apps', 'benchmarks', 'tooling']

/**
 * Every workspace package under `root`, sorted by folder: `{ dir, path, name, manifest }` where
 * `path` is relative to the root (`packages/core`).
 *
 * @example
 * for (const pkg of await workspacePackages()) console.log(pkg.path, pkg.name)
 */
export async function workspacePackages(root = repoRoot) {
  const packages = []
  for (const group of workspaceGroups) {
    const entries = await readdir(join(root, group), { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const dir = join(root, group, entry.name)
      if (!entry.isDirectory() || !existsSync(join(dir, 'package.json'))) continue
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))
      packages.push({ dir, path: `${group}/${entry.name}`, name: manifest.name, manifest })
    }
  }
  return packages.sort((a, b) => a.path.localeCompare(b.path))
}

/**
 * The packages that get published: those under `packages/` without `"private": true`.
 *
 * @example
 * const names = (await publishablePackages()).map((pkg) => pkg.name)
 */
export async function publishablePackages(root = repoRoot) {
  return (await workspacePackages(root)).filter(
    (pkg) => pkg.path.startsWith('packages/') && pkg.manifest.private !== true,
  )
}
