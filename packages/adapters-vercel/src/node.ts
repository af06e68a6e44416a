import type { IncomingMessage, ServerResponse } from 'node:http'
import { toNodeHandler } from '@openspeed/adapters-node'
import type { OpenSpeed } from '@openspeed/core'

/**
 * A Vercel Node.js Function: the `(req, res)` handler Vercel calls with Node's request and
 * response.
 *
 * @example
 * const handler: VercelNodeHandler = handle(app)
 * export default handler
 */
export type VercelNodeHandler = (req: IncomingMessage, res: ServerResponse) => void

/**
 * Options for the Node.js Function {@link handle}.
 *
 * @example
 * export default handle(app, { env: { region: process.env.VERCEL_REGION } })
 */
export interface VercelNodeHandlerOptions {
  /** Bindings handed to every handler as `c.env`. */
  env?: unknown
  /** Where failures the app itself could not answer are reported. Default: core's `defaultLogError`. */
  logError?: (error: unknown) => void
}

/**
 * Turns an app into a Vercel Node.js Function: the `(req, res)` handler to `export default` from
 * a file in `api/`. Requests take the Node fast path of `@openspeed/adapters-node`; the app
 * starts (plugins, `onStart`) on the first request.
 *
 * @example
 * // api/index.ts
 * import { OpenSpeed } from '@openspeed/core'
 * import { handle } from '@openspeed/adapters-vercel/node'
 *
 * const app = new OpenSpeed().get('/api/hello', (c) => c.json({ hello: 'node' }))
 * export default handle(app)
 */
export function handle(app: OpenSpeed<any, any>, options: VercelNodeHandlerOptions = {}): VercelNodeHandler {
  return toNodeHandler(app, options)
}
