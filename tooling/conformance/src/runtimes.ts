import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)

/**
 * Node arguments that run a TypeScript entry on workspace sources: the `@openspeed/source`
 * export condition plus the tsx loader, resolved from this package so any Node binary can use it.
 *
 * @example
 * await spawnServer({ command: process.execPath, args: [...nodeSourceArgs(), 'test/fixtures/server.ts'] })
 */
export function nodeSourceArgs(): string[] {
  return ['--conditions=@openspeed/source', '--import', pathToFileURL(require.resolve('tsx')).href]
}
