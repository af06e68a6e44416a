import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type SpawnedServer, spawnServer } from '@openspeed/conformance'

/** The real Deno binary from the npm package (its `.bin` entry is a Node wrapper). */
export const denoBinary: string = join(
  dirname(createRequire(import.meta.url).resolve('deno/package.json')),
  'deno',
)

export const packageDir: string = fileURLToPath(new URL('..', import.meta.url))

/** `deno run` (or `deno serve`) on a fixture, on workspace sources, waiting for its URL. */
export function startDeno(
  fixture: string,
  options: { env?: Record<string, string>; command?: 'run' | 'serve'; conditions?: boolean } = {},
): Promise<SpawnedServer> {
  const script = fileURLToPath(new URL(`fixtures/${fixture}`, import.meta.url))
  const command = options.command ?? 'run'
  const args = [command, '--allow-all', '--no-prompt']
  if (options.conditions !== false) args.push('--conditions=@openspeed/source')
  if (command === 'serve') args.push('--host', '127.0.0.1', '--port', '0')
  return spawnServer({ command: denoBinary, args: [...args, script], env: options.env, cwd: packageDir })
}
