import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'

/** Runs a command and resolves with its stdout; rejects with the output's tail when it fails. */
export function sh(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new Error(
              `${command} ${args.join(' ')} failed in ${cwd}:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-25).join('\n')}`,
            ),
          )
        else resolve(stripVTControlCharacters(stdout))
      },
    )
  })
}

/** A long-running process whose output is collected, for servers. */
export interface Running {
  child: ChildProcess
  output(): string
  /** Resolves with the first match of `pattern` in the output (from offset `from` on). */
  waitFor(pattern: RegExp, timeoutMs?: number, from?: number): Promise<RegExpExecArray>
  stop(): Promise<number | null>
}

/** Starts a command in the background. */
export function start(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Running {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const listeners = new Set<() => void>()
  const onData = (chunk: Buffer): void => {
    output += chunk
    for (const listener of listeners) listener()
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    child,
    output: () => output,
    waitFor: (pattern, timeoutMs = 60_000, from = 0) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = pattern.exec(output.slice(from))
          if (match) {
            listeners.delete(check)
            clearTimeout(timer)
            resolve(match)
          }
        }
        const timer = setTimeout(() => {
          listeners.delete(check)
          reject(new Error(`timed out waiting for ${pattern} in:\n${output}`))
        }, timeoutMs)
        listeners.add(check)
        check()
        void exited.then(() => {
          if (listeners.has(check)) {
            listeners.delete(check)
            clearTimeout(timer)
            reject(new Error(`exited before ${pattern}:\n${output}`))
          }
        })
      }),
    stop: async () => {
      // the whole process group: package-manager scripts start the server as a grandchild
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM')
      return exited
    },
  }
}

/** Polls `probe` until it returns a value (file watchers apply edits asynchronously). */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
}
