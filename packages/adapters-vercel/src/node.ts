import { type NodeHandler, type NodeHandlerOptions, toNodeHandler } from '@openspeed/adapters-node'
import type { OpenSpeed } from '@openspeed/core'

export type { NodeHandler, NodeHandlerOptions } from '@openspeed/adapters-node'

/**
 * Turns an app into a Vercel Node.js Function: the `(req, res)` handler to `export default` from
 * a file in `api/`. It is `toNodeHandler()` of `@openspeed/adapters-node`, so requests take the
 * Node fast path; the app starts (plugins, `onStart`) on the first request.
 *
 * @example
 * // api/index.ts
 * import { OpenSpeed } from '@openspeed/core'
 * import { handle } from '@openspeed/adapters-vercel/node'
 *
 * const app = new OpenSpeed().get('/api/hello', (c) => c.json({ hello: 'node' }))
 * export default handle(app)
 */
export function handle(app: OpenSpeed<any, any>, options?: NodeHandlerOptions): NodeHandler {
  return toNodeHandler(app, options)
}
