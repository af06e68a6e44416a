import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type SpawnedServer, spawnServer } from '@openspeed/conformance'

/** The real Bun binary from the npm package (its `.bin` entry is a shell wrapper). */
export const bunBinary: string = join(
  dirname(createRequire(import.meta.url).resolve('bun/package.json')),
  'bin',
  'bun.exe',
)

export const packageDir: string = fileURLToPath(new URL('..', import.meta.url))

/**
 * Runs a fixture script under Bun, on workspace sources unless `conditions: false`, and waits for
 * its `listening on` line.
 */
export function startBun(
  fixture: string,
  env: Record<string, string> = {},
  options: { conditions?: boolean } = {},
): Promise<SpawnedServer> {
  const script = fileURLToPath(new URL(`fixtures/${fixture}`, import.meta.url))
  const args = options.conditions === false ? [script] : ['--conditions=@openspeed/source', script]
  return spawnServer({ command: bunBinary, args, env, cwd: packageDir })
}
