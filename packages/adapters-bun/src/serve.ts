import { HttpError, type OpenSpeed, toProblemResponse } from '@openspeed/core'
import { type BunServeOptions, type BunServer, bunRuntime } from './_bun.ts'
import { onShutdownSignals } from './_signals.ts'
import { resolveStaticPath } from './_static.ts'
import { type BunHandler, type BunHandlerOptions, toBunHandler } from './to-bun-handler.ts'

export type { BunServer } from './_bun.ts'

/**
 * Options for graceful shutdown (see {@link ServeOptions.gracefulShutdown}).
 *
 * @example
 * await serve(app, { gracefulShutdown: { timeout: 30_000, signals: ['SIGTERM'] } })
 */
export interface GracefulShutdownOptions {
  /** Signals that start a graceful shutdown. Default `['SIGTERM', 'SIGINT']`; `[]` for none. */
  signals?: readonly NodeJS.Signals[]
  /** How long in-flight requests may run once shutdown starts, in ms; then connections are closed. Default `10_000`. */
  timeout?: number
}

/**
 * Options for {@link serve}.
 *
 * @example
 * await serve(app, { port: 0, hostname: '127.0.0.1', static: { '/assets/*': './public' } })
 */
export interface ServeOptions extends BunHandlerOptions {
  /** Port to listen on; `0` picks a free one (read it from `handle.port`). Default `3000`. */
  port?: number
  /** Address to listen on. Default: every interface. */
  hostname?: string
  /** Bun's TLS options (`{ key: Bun.file('key.pem'), cert: Bun.file('cert.pem') }`): serves HTTPS. */
  tls?: unknown
  /** Seconds a connection may stay idle before Bun closes it (Bun's default is 10; `0` for never). */
  idleTimeout?: number
  /**
   * Files Bun serves itself, before the app sees the request: `{ '/favicon.ico': './public/favicon.ico' }`
   * maps one path to one file, `{ '/assets/*': './public/assets' }` a path prefix to a directory.
   * Only GET and HEAD are served; a missing file or any other method falls through to the app.
   */
  static?: Record<string, string>
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
  /** The underlying `Bun.Server`. */
  readonly server: BunServer
  /** Stops accepting connections, waits for in-flight requests, then runs the app's `onClose` hooks. */
  close(): Promise<void>
}

const kDefaultSignals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']

/**
 * Serves an app with `Bun.serve()`: awaits `app.ready()`, listens, serves `static` files through
 * Bun's own file handling, reports the client address to `getConnInfo(c)`, and shuts down
 * gracefully on SIGTERM/SIGINT.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { serve } from '@openspeed/adapters-bun'
 *
 * const app = new OpenSpeed().get('/', (c) => c.text('Hello, OpenSpeed!'))
 * const server = await serve(app, { port: 3000 })
 * console.log(`listening on ${server.url}`)
 */
export async function serve(app: OpenSpeed<any, any>, options: ServeOptions = {}): Promise<ServeHandle> {
  const bun = bunRuntime()
  await app.ready()
  const handler = toBunHandler(app, options)
  const logError = options.logError ?? ((error: unknown) => console.error(error))
  const serveOptions: BunServeOptions = {
    port: options.port ?? 3000,
    hostname: options.hostname,
    fetch: handler,
    error(error) {
      logError(error)
      return toProblemResponse(new HttpError(500)).toResponse()
    },
  }
  if (options.tls !== undefined) serveOptions.tls = options.tls
  if (options.idleTimeout !== undefined) serveOptions.idleTimeout = options.idleTimeout
  if (options.static !== undefined) serveOptions.routes = staticRoutes(options.static, handler)
  let server: BunServer
  try {
    server = bun.serve(serveOptions)
  } catch (error) {
    await app.close()
    throw error
  }

  const shutdown = options.gracefulShutdown ?? true
  const settings = typeof shutdown === 'object' ? shutdown : {}
  const timeout = settings.timeout ?? 10_000
  const signals = shutdown === false ? [] : (settings.signals ?? kDefaultSignals)
  const signal = options.signal
  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const timer = setTimeout(() => server.stop(true), timeout)
      try {
        await server.stop()
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
  const removeSignals = onShutdownSignals(signals, close, () => void server.stop(true))
  if (signal?.aborted) onAbort()
  else signal?.addEventListener('abort', onAbort, { once: true })
  const port = server.port ?? 0
  const protocol = options.tls === undefined ? 'http' : 'https'
  return { url: `${protocol}://${urlHost(options.hostname)}:${port}`, port, server, close }
}

function staticRoutes(entries: Record<string, string>, fallback: BunHandler): Record<string, BunHandler> {
  const bun = bunRuntime()
  const routes: Record<string, BunHandler> = {}
  for (const [pattern, target] of Object.entries(entries)) {
    routes[pattern] = async (request, server) => {
      if (request.method === 'GET' || request.method === 'HEAD') {
        const path = resolveStaticPath(pattern, target, new URL(request.url).pathname)
        const found = path === null ? null : bun.file(path)
        if (found !== null && (await found.exists())) return new Response(found)
      }
      return fallback(request, server)
    }
  }
  return routes
}

function urlHost(hostname: string | undefined): string {
  if (hostname === undefined || hostname === '' || hostname === '0.0.0.0' || hostname === '::') {
    return 'localhost'
  }
  return hostname.includes(':') ? `[${hostname}]` : hostname
}
