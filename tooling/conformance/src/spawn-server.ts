import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { forgetGroup, reapOnExit } from './_reaper.ts'
import type { RunningServer } from './types.ts'

/**
 * Options for {@link spawnServer}.
 *
 * @example
 * const options: SpawnServerOptions = { command: process.execPath, args: ['server.js'], env: { PORT: '0' } }
 */
export interface SpawnServerOptions {
  /** The executable, e.g. `process.execPath` or a runtime binary path. */
  command: string
  args?: readonly string[]
  /** Added to the current environment. */
  env?: Record<string, string>
  cwd?: string
  /** Matches the line announcing the server; its first group is the URL. Default `/listening on (\S+)/i`. */
  ready?: RegExp
  /** How long to wait for that line, in ms. Default `30_000`. */
  startTimeout?: number
  /** How long `stop()` waits after SIGTERM before it sends SIGKILL, in ms. Default `15_000`. */
  stopTimeout?: number
}

/**
 * A server process started by {@link spawnServer}.
 *
 * @example
 * const server = await spawnServer({ command: 'deno', args: ['run', '-A', 'server.ts'] })
 * const { code, signal } = await server.exited
 */
export interface SpawnedServer extends RunningServer {
  /** The process id of the spawned command (the leader of its own process group). */
  readonly pid: number
  /** Settles when the process group's output has closed, with how the command ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Resolves once the output so far matches `pattern` (rejects after `timeout` ms, default 15 s, or on exit). */
  waitForOutput(pattern: RegExp | string, timeout?: number): Promise<void>
}

const kDefaultReady = /listening on (\S+)/i
const live = new Set<ChildProcess>()

// a crashed or interrupted test run must not leave servers behind: on a normal exit at once, and
// by the watchdog of _reaper.ts when the process dies by a signal
process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL')
})

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal)
  } catch {
    // the group is already gone
  }
}

/**
 * Starts a server process in its own process group, waits until it prints a line like
 * `listening on http://127.0.0.1:41234`, and returns it. `stop()` sends SIGTERM to the whole
 * group (so wrapper scripts such as npm's `deno` shim and the real binary both get it) and waits
 * for every process in it to exit, escalating to SIGKILL after `stopTimeout`.
 *
 * @example
 * const server = await spawnServer({ command: process.execPath, args: ['server.mjs'] })
 * const response = await fetch(`${server.url}/`)
 * await server.stop()
 * console.log(server.output())
 */
export async function spawnServer(options: SpawnServerOptions): Promise<SpawnedServer> {
  const child = spawn(options.command, options.args ?? [], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  live.add(child)
  if (child.pid !== undefined) reapOnExit(child.pid)
  let output = ''
  const watchers = new Set<() => void>()
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => {
      live.delete(child)
      if (child.pid !== undefined) forgetGroup(child.pid)
      resolve({ code, signal })
    })
  })
  const spawned = once(child, 'spawn')
  const url = new Promise<string>((resolve, reject) => {
    const ready = options.ready ?? kDefaultReady
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      for (const watcher of watchers) watcher()
      const match = ready.exec(output)
      if (match !== null) resolve(match[1]!.replace(/\/$/, ''))
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('error', reject)
    exited.then(({ code, signal }) =>
      reject(new Error(`${describe(options)} exited (${signal ?? code}) before listening:\n${output}`)),
    )
  })
  // awaited only once the process has spawned; a spawn failure is reported through `spawned`
  url.catch(() => {})
  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      killGroup(child, 'SIGTERM')
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), options.stopTimeout ?? 15_000)
      await exited
      clearTimeout(timer)
    })()
    return stopping
  }
  const startTimeout = options.startTimeout ?? 30_000
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${describe(options)} did not print its URL in ${startTimeout} ms:\n${output}`)),
      startTimeout,
    )
  })
  try {
    await Promise.race([spawned, timeout])
    const base = await Promise.race([url, timeout])
    const waitForOutput = (pattern: RegExp | string, timeout = 15_000): Promise<void> =>
      new Promise((resolve, reject) => {
        const matches = (): boolean =>
          typeof pattern === 'string' ? output.includes(pattern) : pattern.test(output)
        const done = (error?: Error): void => {
          watchers.delete(check)
          clearTimeout(deadline)
          if (error === undefined) resolve()
          else reject(error)
        }
        const check = (): void => {
          if (matches()) done()
        }
        const deadline = setTimeout(
          () => done(new Error(`no ${pattern} in the output after ${timeout} ms:\n${output}`)),
          timeout,
        )
        watchers.add(check)
        exited.then(() => {
          if (matches()) done()
          else done(new Error(`the process exited without printing ${pattern}:\n${output}`))
        })
        check()
      })
    return { url: base, pid: child.pid!, exited, stop, output: () => output, waitForOutput }
  } catch (error) {
    await stop()
    throw error
  } finally {
    clearTimeout(timer)
  }
}

function describe(options: SpawnServerOptions): string {
  return [options.command, ...(options.args ?? [])].join(' ')
}

/**
 * A TCP port that was free on 127.0.0.1 a moment ago, for runtimes that cannot listen on port 0
 * and report the port they got.
 *
 * @example
 * const port = await freePort()
 * await spawnServer({ command: 'deno', args: ['serve', '--port', String(port), 'main.ts'] })
 */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}
