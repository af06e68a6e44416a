import type { EventEmitter } from 'node:events'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createH2cServer, createSecureServer } from 'node:http2'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { TlsOptions } from 'node:tls'
import type { OpenSpeed } from '@openspeed/core'
import {
  type BaseServeOptions,
  defaultLogError,
  type ListeningServer,
  type ServerHandle,
  startServer,
} from '@openspeed/core/adapter'
import { onClientError } from './_client-error.ts'
import { Drainer } from './_drain.ts'
import { createListener } from './_listener.ts'
import type { NodeHandlerOptions } from './to-node-handler.ts'
import type { NodeRequest, NodeResponse, NodeServer } from './types.ts'

export type { NodeServer } from './types.ts'

/**
 * Options for {@link serve}.
 *
 * @example
 * await serve(app, { port: 0, hostname: '127.0.0.1', gracefulShutdown: false })
 */
export interface ServeOptions extends NodeHandlerOptions, BaseServeOptions<NodeJS.Signals> {
  /** Serve HTTP/2: over TLS with HTTP/1.1 fallback (ALPN) when `tls` is set, else cleartext h2c. */
  http2?: boolean
  /** TLS options (`key`, `cert`, ...): serves HTTPS, or HTTP/2 over TLS with `http2: true`. */
  tls?: TlsOptions
  /**
   * ms a client has to send the complete request headers; slower ones get 408 and are
   * disconnected (slow-loris). Default `10_000` (Node's own: 60 s). HTTP/1.x servers only.
   */
  headersTimeout?: number
  /** ms a client has to send the whole request, body included. Default `60_000` (Node's: 300 s). */
  requestTimeout?: number
  /**
   * ms an idle keep-alive connection stays open. Default `5_000`. Behind a load balancer, set it
   * above the balancer's idle timeout (e.g. `65_000` behind an AWS ALB).
   */
  keepAliveTimeout?: number
  /** How often, in ms, the two request timeouts are checked. Default `1_000` (Node's: 30 s). */
  connectionsCheckingInterval?: number
}

// Node's defaults let a client that sends one header byte a second hold a socket for 90 s; these
// bound it to about 11 s, as OWASP advises for slow-header attacks (Fastify likewise asks for
// `requestTimeout` on servers without a reverse proxy in front)
const kDefaultTimeouts = {
  headersTimeout: 10_000,
  requestTimeout: 60_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
} as const

/**
 * A running server, returned by {@link serve}: `url`, `port`, `server` (the Node server) and `close()`.
 *
 * @example
 * const handle = await serve(app, { port: 0 })
 * const response = await fetch(handle.url)
 * await handle.close()
 */
export type ServeHandle = ServerHandle<NodeServer>

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
export function serve(app: OpenSpeed<any, any>, options: ServeOptions = {}): Promise<ServeHandle> {
  const logError = options.logError ?? defaultLogError
  return startServer(
    app,
    { ...options, logError },
    { runtime: process, listen: () => listenOnNode(app, options) },
  )
}

async function listenOnNode(
  app: OpenSpeed<any, any>,
  options: ServeOptions,
): Promise<ListeningServer<NodeServer>> {
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
  await listen(emitter, server, options.port ?? 3000, options.hostname)
  return {
    server,
    port: (server.address() as AddressInfo).port,
    secure: options.tls !== undefined,
    drain: (timeout) => drainer.drain(timeout),
    force: () => drainer.destroyAll(),
  }
}

function createNodeServer(options: ServeOptions): NodeServer {
  const tls = options.tls
  if (options.http2 === true)
    return tls ? createSecureServer({ allowHTTP1: true, ...tls }) : createH2cServer()
  const requestTimeout = options.requestTimeout ?? kDefaultTimeouts.requestTimeout
  // Node refuses a headers timeout longer than a (non-zero) request timeout
  const headersCap = requestTimeout > 0 ? requestTimeout : Number.POSITIVE_INFINITY
  const timeouts = {
    headersTimeout: options.headersTimeout ?? Math.min(kDefaultTimeouts.headersTimeout, headersCap),
    requestTimeout,
    keepAliveTimeout: options.keepAliveTimeout ?? kDefaultTimeouts.keepAliveTimeout,
    connectionsCheckingInterval:
      options.connectionsCheckingInterval ?? kDefaultTimeouts.connectionsCheckingInterval,
  }
  return tls ? createHttpsServer({ ...timeouts, ...tls }) : createHttpServer(timeouts)
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
