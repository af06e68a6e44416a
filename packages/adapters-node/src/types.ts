import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http'
import type { Http2SecureServer, Http2Server, Http2ServerRequest, Http2ServerResponse } from 'node:http2'
import type { Server as HttpsServer } from 'node:https'

/**
 * Every server `serve()` can create: `node:http`, `node:https`, or `node:http2` (h2c or TLS).
 *
 * @example
 * const { server } = await serve(app)
 * server.maxConnections = 10_000
 */
export type NodeServer = HttpServer | HttpsServer | Http2Server | Http2SecureServer

/**
 * A request as Node's `request` event delivers it, over HTTP/1.x or HTTP/2 (compat API).
 *
 * @example
 * const handler = toNodeHandler(app)
 * server.on('request', (req: NodeRequest, res: NodeResponse) => handler(req, res))
 */
export type NodeRequest = IncomingMessage | Http2ServerRequest

/**
 * The response that goes with a {@link NodeRequest}.
 *
 * @example
 * const handler = toNodeHandler(app)
 * server.on('request', (req: NodeRequest, res: NodeResponse) => handler(req, res))
 */
export type NodeResponse = ServerResponse | Http2ServerResponse
