import { HttpError, type OpenSpeed, toProblemResponse } from '@openspeed/core'
import { type DenoHttpServer, type DenoNetAddr, type DenoServeOptions, denoRuntime } from './_deno.ts'
import { onShutdownSignals } from './_signals.ts'
import { type DenoHandlerOptions, toDenoHandler } from './to-deno-handler.ts'

export type { DenoHttpServer, DenoServeHandlerInfo } from './_deno.ts'

/**
 * Options for graceful shutdown (see {@link ServeOptions.gracefulShutdown}).
 *
 * @example
 * await serve(app, { gracefulShutdown: { timeout: 30_000, signals: ['SIGTERM'] } })
 */
export interface GracefulShutdownOptions {
  /** Signals that start a graceful shutdown. Default `['SIGTERM', 'SIGINT']`; `[]` for none. */
  signals?: readonly string[]
  /** How long in-flight requests may run once shutdown starts, in ms, before the app's `onClose` hooks run anyway. Default `10_000`. */
  timeout?: number
}

/**
 * Options for {@link serve}.
 *
 * @example
 * await serve(app, { port: 0, hostname: '127.0.0.1' })
 */
export interface ServeOptions extends DenoHandlerOptions {
  /** Port to listen on; `0` picks a free one (read it from `handle.port`). Default `3000`. */
  port?: number
  /** Address to listen on. Default: every interface. */
  hostname?: string
  /** PEM certificate and key (strings): serves HTTPS. */
  tls?: { cert: string; key: string }
  /** Aborting it shuts the server down gracefully, like `handle.close()`. */
  signal?: AbortSignal
  /**
   * Drain and close on SIGTERM/SIGINT (default `true`): stop accepting connections, let in-flight
   * requests finish, run the app's `onClose` hooks, then raise the signal again.
   */
  gracefulShutdown?: boolean | GracefulShutdownOptions
  /** Where failures the app itself could not answer are reported. Default: `console.error`. */
  logError?: (error: unknown) => void
}

/**
 * A running server, returned by {@link serve}.
 *
 * @example
 * const handle = await serve(app, { port: 0 })
 * await fetch(handle.url)
 * await handle.close()
 */
export interface ServeHandle {
  /** Where the server listens, e.g. `http://localhost:3000`. */
  readonly url: string
  /** The port the server listens on. */
  readonly port: number
  /** The underlying `Deno.HttpServer`. */
  readonly server: DenoHttpServer
  /** Stops accepting connections, waits for in-flight requests, then runs the app's `onClose` hooks. */
  close(): Promise<void>
}

const kDefaultSignals: readonly string[] = ['SIGTERM', 'SIGINT']

/**
 * Serves an app with `Deno.serve()`: awaits `app.ready()`, listens, reports the client address to
 * `getConnInfo(c)`, and shuts down gracefully on SIGTERM/SIGINT.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { serve } from '@openspeed/adapters-deno'
 *
 * const app = new OpenSpeed().get('/', (c) => c.text('Hello, OpenSpeed!'))
 * const server = await serve(app, { port: 3000 })
 * console.log(`listening on ${server.url}`)
 */
export async function serve(app: OpenSpeed<any, any>, options: ServeOptions = {}): Promise<ServeHandle> {
  const deno = denoRuntime()
  await app.ready()
  const logError = options.logError ?? ((error: unknown) => console.error(error))
  let listening!: (addr: DenoNetAddr) => void
  const listened = new Promise<DenoNetAddr>((resolve) => {
    listening = resolve
  })
  const serveOptions: DenoServeOptions = {
    port: options.port ?? 3000,
    hostname: options.hostname,
    handler: toDenoHandler(app, options),
    onListen: (addr) => listening(addr),
    onError(error) {
      logError(error)
      return toProblemResponse(new HttpError(500)).toResponse()
    },
  }
  if (options.tls !== undefined) Object.assign(serveOptions, options.tls)
  let server: DenoHttpServer
  try {
    server = deno.serve(serveOptions)
  } catch (error) {
    await app.close()
    throw error
  }
  const { port } = await listened

  const shutdown = options.gracefulShutdown ?? true
  const settings = typeof shutdown === 'object' ? shutdown : {}
  const timeout = settings.timeout ?? 10_000
  const signals = shutdown === false ? [] : (settings.signals ?? kDefaultSignals)
  const signal = options.signal
  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= (async () => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const expired = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeout)
      })
      try {
        await Promise.race([server.shutdown(), expired])
      } finally {
        clearTimeout(timer)
        removeSignals()
        signal?.removeEventListener('abort', onAbort)
      }
      await app.close()
    })()
    return closing
  }
  const onAbort = (): void => {
    close().catch(logError)
  }
  const removeSignals = onShutdownSignals(signals, close)
  if (signal?.aborted) onAbort()
  else signal?.addEventListener('abort', onAbort, { once: true })
  const protocol = options.tls === undefined ? 'http' : 'https'
  return { url: `${protocol}://${urlHost(options.hostname)}:${port}`, port, server, close }
}

function urlHost(hostname: string | undefined): string {
  if (hostname === undefined || hostname === '' || hostname === '0.0.0.0' || hostname === '::') {
    return 'localhost'
  }
  return hostname.includes(':') ? `[${hostname}]` : hostname
}
