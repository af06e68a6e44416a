import type { EventEmitter } from 'node:events'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createH2cServer, createSecureServer } from 'node:http2'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { TlsOptions } from 'node:tls'
import type { OpenSpeed } from '@openspeed/core'
import { onClientError } from './_client-error.ts'
import { Drainer, type NodeServer } from './_drain.ts'
import { createListener } from './_listener.ts'
import type { NodeRequest, NodeResponse } from './_request-source.ts'
import { onShutdownSignals } from './_signals.ts'
import { defaultLogError } from './_write.ts'
import type { NodeHandlerOptions } from './to-node-handler.ts'

export type { NodeServer } from './_drain.ts'

/**
 * Options for graceful shutdown (see {@link ServeOptions.gracefulShutdown}).
 *
 * @example
 * await serve(app, { gracefulShutdown: { timeout: 30_000, signals: ['SIGTERM'] } })
 */
export interface GracefulShutdownOptions {
  /** Signals that start a graceful shutdown. Default `['SIGTERM', 'SIGINT']`; `[]` for none. */
  signals?: readonly NodeJS.Signals[]
  /**
   * How long in-flight requests may run once shutdown starts, in ms; their connections are then
   * destroyed. Also used by `handle.close()`. Default `10_000`.
   */
  timeout?: number
}

/**
 * Options for {@link serve}.
 *
 * @example
 * await serve(app, { port: 0, hostname: '127.0.0.1', gracefulShutdown: false })
 */
export interface ServeOptions extends NodeHandlerOptions {
  /** Port to listen on; `0` picks a free one (read it from `handle.port`). Default `3000`. */
  port?: number
  /** Address to listen on. Default: every interface. */
  hostname?: string
  /** Serve HTTP/2: over TLS with HTTP/1.1 fallback (ALPN) when `tls` is set, else cleartext h2c. */
  http2?: boolean
  /** TLS options (`key`, `cert`, ...): serves HTTPS, or HTTP/2 over TLS with `http2: true`. */
  tls?: TlsOptions
  /** Aborting it shuts the server down gracefully, like `handle.close()`. */
  signal?: AbortSignal
  /**
   * Drain and close on SIGTERM/SIGINT (default `true`): stop accepting connections, finish
   * in-flight requests (answering with `Connection: close`), close idle keep-alive connections,
   * run the app's `onClose` hooks, then raise the signal again so the process ends by it.
   */
  gracefulShutdown?: boolean | GracefulShutdownOptions
}

/**
 * A running server, returned by {@link serve}.
 *
 * @example
 * const handle = await serve(app, { port: 0 })
 * const response = await fetch(handle.url)
 * await handle.close()
 */
export interface ServeHandle {
  /** Where the server listens, e.g. `http://localhost:3000` (with the real port when `port: 0`). */
  readonly url: string
  /** The port the server listens on. */
  readonly port: number
  /** The underlying Node server. */
  readonly server: NodeServer
  /** Drains in-flight requests, closes the server, then runs the app's `onClose` hooks. */
  close(): Promise<void>
}

const kDefaultSignals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']

/**
 * Serves an app on Node: awaits `app.ready()` (plugins, `onStart`), listens, and shuts down
 * gracefully on SIGTERM/SIGINT. Requests take the fast path of `toNodeHandler()`.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { serve } from '@openspeed/adapters-node'
 *
 * const app = new OpenSpeed().get('/', (c) => c.text('Hello, OpenSpeed!'))
 * const server = await serve(app, { port: 3000 })
 * console.log(`listening on ${server.url}`)
 */
export async function serve(app: OpenSpeed<any, any>, options: ServeOptions = {}): Promise<ServeHandle> {
  await app.ready()
  const server = createNodeServer(options)
  const drainer = new Drainer(server, options.http2 === true)
  const listener = createListener(app, options, drainer)
  const emitter: EventEmitter = server
  emitter.on(
    'request',
    drainer.tracksRequests
      ? (req: NodeRequest, res: NodeResponse) => {
          drainer.track(req, res)
          listener(req, res)
        }
      : listener,
  )
  emitter.on('clientError', onClientError)
  try {
    await listen(emitter, server, options.port ?? 3000, options.hostname)
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
    closing ??= drainer
      .drain(timeout)
      .then(() => app.close())
      .finally(() => {
        removeSignals()
        signal?.removeEventListener('abort', onAbort)
      })
    return closing
  }
  const onAbort = (): void => {
    close().catch(options.logError ?? defaultLogError)
  }
  const removeSignals = onShutdownSignals(signals, close, () => drainer.destroyAll())
  const { port } = server.address() as AddressInfo
  const protocol = options.tls === undefined ? 'http' : 'https'
  if (signal?.aborted) onAbort()
  else signal?.addEventListener('abort', onAbort, { once: true })
  return { url: `${protocol}://${urlHost(options.hostname)}:${port}`, port, server, close }
}

function createNodeServer(options: ServeOptions): NodeServer {
  const tls = options.tls
  if (options.http2 === true)
    return tls ? createSecureServer({ allowHTTP1: true, ...tls }) : createH2cServer()
  return tls ? createHttpsServer(tls) : createHttpServer()
}

function listen(emitter: EventEmitter, server: NodeServer, port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    emitter.once('error', reject)
    server.listen({ port, host }, () => {
      emitter.off('error', reject)
      resolve()
    })
  })
}

function urlHost(hostname: string | undefined): string {
  if (hostname === undefined || hostname === '' || hostname === '0.0.0.0' || hostname === '::') {
    return 'localhost'
  }
  return hostname.includes(':') ? `[${hostname}]` : hostname
}
