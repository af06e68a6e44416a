import { onShutdownSignals } from './_shutdown-signals.ts'
import { defaultLogError } from './last-resort.ts'

/**
 * The `gracefulShutdown` settings of an adapter's `serve()`. `Signal` narrows the signal names,
 * e.g. to `NodeJS.Signals` on Node.
 *
 * @example
 * await serve(app, { gracefulShutdown: { timeout: 30_000, signals: ['SIGTERM'] } })
 */
export interface GracefulShutdownOptions<Signal extends string = string> {
  /** Signals that start a graceful shutdown. Default `['SIGTERM', 'SIGINT']`; `[]` for none. */
  signals?: readonly Signal[]
  /**
   * How long in-flight requests may run once shutdown starts, in ms, before the adapter stops
   * waiting for them (closing their connections where the runtime can). Also used by
   * `handle.close()`. Default `10_000`.
   */
  timeout?: number
}

/**
 * The options every adapter's `serve()` takes; each adapter's own options extend these.
 *
 * @example
 * export interface ServeOptions extends BaseServeOptions<NodeJS.Signals> {
 *   tls?: TlsOptions
 * }
 */
export interface BaseServeOptions<Signal extends string = string> {
  /** Port to listen on; `0` picks a free one (read it from `handle.port`). Default `3000`. */
  port?: number
  /** Address to listen on. Default: every interface. */
  hostname?: string
  /** Aborting it shuts the server down gracefully, like `handle.close()`. */
  signal?: AbortSignal
  /**
   * Drain and close on SIGTERM/SIGINT (default `true`): stop accepting connections, let in-flight
   * requests finish, run the app's `onClose` hooks, then raise the signal again so the process
   * ends by it (exit status 128 + the signal's number). A second signal stops waiting.
   */
  gracefulShutdown?: boolean | GracefulShutdownOptions<Signal>
  /** Where failures the app itself could not answer are reported. Default: `defaultLogError`. */
  logError?: (error: unknown) => void
}

/**
 * A running server, as an adapter's `serve()` resolves with it. `Server` is the runtime's own
 * server object.
 *
 * @example
 * const handle: ServerHandle<NodeServer> = await serve(app, { port: 0 })
 * const response = await fetch(handle.url)
 * await handle.close()
 */
export interface ServerHandle<Server> {
  /** Where the server listens, e.g. `http://localhost:3000` (with the real port when `port: 0`). */
  readonly url: string
  /** The port the server listens on. */
  readonly port: number
  /** The runtime's server object. */
  readonly server: Server
  /** Drains the server, then runs the app's `onClose` hooks. Every call returns the same promise. */
  close(): Promise<void>
}

/**
 * The process functions a server listens for signals and exits through, injected so that core
 * stays free of runtime globals. Node's and Bun's `process` fit as they are; on Deno, wrap `Deno`'s.
 *
 * @example
 * const runtime: SignalRuntime = {
 *   pid: Deno.pid,
 *   on: (signal, listener) => Deno.addSignalListener(signal, listener),
 *   off: (signal, listener) => Deno.removeSignalListener(signal, listener),
 *   kill: (pid, signal) => Deno.kill(pid, signal),
 *   exit: (code) => Deno.exit(code),
 * }
 */
export interface SignalRuntime {
  /** This process's id, for raising a signal at itself. */
  readonly pid: number
  on(signal: string, listener: () => void): unknown
  off(signal: string, listener: () => void): unknown
  kill(pid: number, signal: string): unknown
  exit(code: number): unknown
}

/**
 * A server that accepts connections, as {@link ServerAdapter.listen} reports it.
 *
 * @example
 * const listening: ListeningServer<Deno.HttpServer> = { server, port: 8000, secure: false, drain }
 */
export interface ListeningServer<Server> {
  /** The runtime's server object, handed out as `handle.server`. */
  server: Server
  /** The port it listens on: the real one when asked for `0`. */
  port: number
  /** Whether it serves HTTPS (the handle's URL then starts with `https:`). */
  secure: boolean
  /**
   * Stops accepting connections and resolves once in-flight requests are done, giving up on them
   * after `timeout` ms (the normalised `gracefulShutdown.timeout`).
   */
  drain(timeout: number): Promise<void>
  /**
   * Called on a second signal while shutting down, e.g. to close every open connection so that
   * draining ends. Default: remove the listeners and raise the signal, ending the process at once.
   */
  force?: () => void
}

/**
 * What an adapter tells {@link startServer}: how to listen on its runtime, and the runtime's
 * signal functions.
 *
 * @example
 * const adapter: ServerAdapter<Deno.HttpServer> = { runtime, listen: () => listenOnDeno(app, options) }
 */
export interface ServerAdapter<Server> {
  /** Creates the server and resolves once it accepts connections; runs after `app.ready()`. */
  listen(): ListeningServer<Server> | Promise<ListeningServer<Server>>
  /** Where signal listeners go and how the process ends: `process` on Node and Bun. */
  runtime: SignalRuntime
}

/**
 * The part of every adapter's `serve()` that does not depend on the runtime: awaits `app.ready()`,
 * listens through `adapter.listen()` (running the `onClose` hooks if that fails), and returns the
 * handle, whose `close()` runs once: it drains, then runs `app.close()`. It closes when
 * `options.signal` aborts, and on the first of the `gracefulShutdown` signals; a second signal
 * calls `force`. Once closed, the listeners are removed and the signal is raised again, so the
 * process ends the way it would have without a handler (exit status 128 + the signal's number);
 * if closing fails, the error is logged and the process exits with status 1.
 *
 * @example
 * import type { OpenSpeed } from '@openspeed/core'
 * import { type BaseServeOptions, type ServerHandle, startServer } from '@openspeed/core/adapter'
 *
 * export function serve(app: OpenSpeed, options: BaseServeOptions = {}): Promise<ServerHandle<Bun.Server>> {
 *   return startServer(app, options, {
 *     runtime: process,
 *     listen() {
 *       const server = Bun.serve({ port: options.port ?? 3000, fetch: (request) => app.fetch(request) })
 *       return {
 *         server,
 *         port: server.port,
 *         secure: false,
 *         drain: (timeout) => {
 *           const timer = setTimeout(() => server.stop(true), timeout)
 *           return server.stop().finally(() => clearTimeout(timer))
 *         },
 *         force: () => void server.stop(true),
 *       }
 *     },
 *   })
 * }
 */
export async function startServer<Server, Signal extends string = string>(
  app: { ready(): Promise<void>; close(): Promise<void> },
  options: BaseServeOptions<Signal>,
  adapter: ServerAdapter<Server>,
): Promise<ServerHandle<Server>> {
  await app.ready()
  let listening: ListeningServer<Server>
  try {
    listening = await adapter.listen()
  } catch (error) {
    await app.close()
    throw error
  }
  const { server, port, secure } = listening
  const close = closeOnce(app, options, listening, adapter.runtime)
  return { url: `${secure ? 'https' : 'http'}://${urlHost(options.hostname)}:${port}`, port, server, close }
}

const kDefaultSignals: readonly string[] = ['SIGTERM', 'SIGINT']

function closeOnce(
  app: { close(): Promise<void> },
  options: BaseServeOptions,
  listening: ListeningServer<unknown>,
  runtime: SignalRuntime,
): () => Promise<void> {
  const { signal, gracefulShutdown = true } = options
  const settings = typeof gracefulShutdown === 'object' ? gracefulShutdown : {}
  const timeout = settings.timeout ?? 10_000
  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= (async () => {
      try {
        await listening.drain(timeout)
        await app.close()
      } finally {
        // only now: a signal that arrives while the onClose hooks run waits for them, then raises
        removeSignals()
        signal?.removeEventListener('abort', onAbort)
      }
    })()
    return closing
  }
  const onAbort = (): void => {
    close().catch(options.logError ?? defaultLogError)
  }
  const signals = gracefulShutdown === false ? [] : (settings.signals ?? kDefaultSignals)
  const removeSignals = onShutdownSignals(signals, runtime, close, listening.force)
  if (signal?.aborted) onAbort()
  else signal?.addEventListener('abort', onAbort, { once: true })
  return close
}

function urlHost(hostname: string | undefined): string {
  if (hostname === undefined || hostname === '' || hostname === '0.0.0.0' || hostname === '::') {
    return 'localhost'
  }
  return hostname.includes(':') ? `[${hostname}]` : hostname
}
