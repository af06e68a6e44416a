import type { OpenSpeed } from '@openspeed/core'
import {
  type BaseServeOptions,
  defaultLogError,
  internalErrorResponse,
  type ListeningServer,
  type ServerHandle,
  startServer,
} from '@openspeed/core/adapter'
import { type BunGlobal, type BunServeOptions, bunRuntime } from './_bun.ts'
import { resolveStaticPath } from './_static.ts'
import type { BunServer } from './bun-server.ts'
import { type BunHandler, type BunHandlerOptions, toBunHandler } from './to-bun-handler.ts'

export type { BunServer } from './bun-server.ts'

/**
 * Options for {@link serve}.
 *
 * @example
 * await serve(app, { port: 0, hostname: '127.0.0.1', static: { '/assets/*': './public' } })
 */
export interface ServeOptions extends BunHandlerOptions, BaseServeOptions<NodeJS.Signals> {
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
}

/**
 * A running server, returned by {@link serve}: `url`, `port`, `server` (the `Bun.Server`) and `close()`.
 *
 * @example
 * const handle = await serve(app, { port: 0 })
 * await fetch(handle.url)
 * await handle.close()
 */
export type ServeHandle = ServerHandle<BunServer>

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
  return startServer(app, options, { runtime: process, listen: () => listenOnBun(bun, app, options) })
}

function listenOnBun(
  bun: BunGlobal,
  app: OpenSpeed<any, any>,
  options: ServeOptions,
): ListeningServer<BunServer> {
  const handler = toBunHandler(app, options)
  const logError = options.logError ?? defaultLogError
  const serveOptions: BunServeOptions = {
    port: options.port ?? 3000,
    hostname: options.hostname,
    fetch: handler,
    error(error) {
      logError(error)
      return internalErrorResponse().toResponse()
    },
  }
  if (options.tls !== undefined) serveOptions.tls = options.tls
  if (options.idleTimeout !== undefined) serveOptions.idleTimeout = options.idleTimeout
  if (options.static !== undefined) serveOptions.routes = staticRoutes(options.static, handler)
  const server = bun.serve(serveOptions)
  return {
    server,
    port: server.port ?? 0,
    secure: options.tls !== undefined,
    drain: (timeout) => stop(server, timeout),
    force: () => void server.stop(true),
  }
}

/** Stops accepting connections and waits for in-flight requests, closing them after `timeout` ms. */
async function stop(server: BunServer, timeout: number): Promise<void> {
  const timer = setTimeout(() => server.stop(true), timeout)
  try {
    await server.stop()
  } finally {
    clearTimeout(timer)
  }
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
