import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { nodeSourceArgs } from '@openspeed/conformance'

const require = createRequire(import.meta.url)

/** The real Bun and Deno binaries from their npm packages (their `.bin` entries are wrappers). */
export const runtimeBinaries: { bun: string; deno: string } = {
  bun: join(dirname(require.resolve('bun/package.json')), 'bin', 'bun.exe'),
  deno: join(dirname(require.resolve('deno/package.json')), 'deno'),
}

/**
 * A `PATH` whose `bun` and `deno` are the real binaries, as on a machine with both installed, so
 * `openspeed start` finds them by name. `remove()` deletes the folder of links.
 */
export function pathWithRuntimes(): { PATH: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'openspeed-cli-bin-'))
  for (const [name, binary] of Object.entries(runtimeBinaries)) symlinkSync(binary, join(dir, name))
  return {
    PATH: `${dir}${delimiter}${process.env.PATH ?? ''}`,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** Node arguments that run the `openspeed` command from source, as `openspeed <args>` would. */
export function cliArgs(...args: string[]): string[] {
  return [...nodeSourceArgs(), fileURLToPath(new URL('../src/bin.ts', import.meta.url)), ...args]
}

/** A finished `openspeed` process: its exit code and everything it printed. */
export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

const running = new Set<ChildProcess>()

/** Kills every process {@link runCliProcess} started that is still running (for `afterEach`). */
export function killCliProcesses(): void {
  for (const child of running) child.kill('SIGKILL')
}

/** Runs `openspeed <args>` in `cwd` as its own process and resolves once it exits. */
export async function runCliProcess(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, cliArgs(...args), {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const [code] = (await once(child, 'close')) as [number | null]
  running.delete(child)
  return { code, stdout, stderr }
}
