import type { OpenSpeed } from '@openspeed/core'
import { createListener } from './_listener.ts'
import type { NodeRequest, NodeResponse } from './types.ts'

export type { NodeRequest, NodeResponse } from './types.ts'

/**
 * A Node `request` listener, for `node:http`, `node:https`, `node:http2` (compat API) or Express.
 *
 * @example
 * const handler: NodeHandler = toNodeHandler(app)
 * createServer(handler).listen(3000)
 */
export type NodeHandler = (req: NodeRequest, res: NodeResponse) => void

/**
 * Options for {@link toNodeHandler} (and `serve()`).
 *
 * @example
 * toNodeHandler(app, { env: { region: 'eu' }, logError: (error) => logger.error(error) })
 */
export interface NodeHandlerOptions {
  /** Bindings handed to every handler as `c.env`. */
  env?: unknown
  /** Where failures the app itself could not answer are reported. Default: core's `defaultLogError`. */
  logError?: (error: unknown) => void
}

/**
 * Turns an app into a Node `request` listener, to mount in a server you create yourself or in
 * Express. It takes the fast path: no Web `Request` is built unless a handler reads `c.req.raw`,
 * and `c.json()` / `c.text()` responses are written with `writeHead()` + `end()`. Lifecycle is
 * yours: `await app.ready()` before listening and `await app.close()` after closing the server.
 *
 * @example
 * import { createServer } from 'node:http'
 * import { OpenSpeed } from '@openspeed/core'
 * import { toNodeHandler } from '@openspeed/adapters-node'
 *
 * const app = new OpenSpeed().get('/', (c) => c.text('Hello, OpenSpeed!'))
 * await app.ready()
 * createServer(toNodeHandler(app)).listen(3000)
 */
export function toNodeHandler(app: OpenSpeed<any, any>, options: NodeHandlerOptions = {}): NodeHandler {
  return createListener(app, options, { draining: false })
}
