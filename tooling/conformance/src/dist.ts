import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Imports a package's built `dist/index.js`, for its `test/dist.test.ts`. Fails with the build
 * command to run when the file is missing, instead of testing sources by mistake.
 *
 * @example
 * const dist = await importDist<typeof import('../src/index.ts')>(fileURLToPath(new URL('..', import.meta.url)))
 * expect(Object.keys(dist).sort()).toEqual(['serve', 'toNodeHandler'])
 */
export async function importDist<Module = Record<string, unknown>>(packageDir: string): Promise<Module> {
  const entry = join(packageDir, 'dist', 'index.js')
  if (!existsSync(entry)) {
    const { name } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string }
    throw new Error(`${entry} is missing: run \`pnpm --filter ${name} build\` first`)
  }
  return (await import(pathToFileURL(entry).href)) as Module
}
