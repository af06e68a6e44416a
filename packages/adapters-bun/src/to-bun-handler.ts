import type { ConnInfo, OpenSpeed } from '@openspeed/core'
import { respondSafely, WebRequestSource } from '@openspeed/core/adapter'
import type { BunServer } from './bun-server.ts'

/**
 * A Bun `fetch` handler: `(request, server) => Response`.
 *
 * @example
 * const fetch: BunHandler = toBunHandler(app)
 */
export type BunHandler = (request: Request, server: BunServer) => Response | Promise<Response>

/**
 * Options for {@link toBunHandler} (and `serve()`).
 *
 * @example
 * toBunHandler(app, { env: { region: 'eu' } })
 */
export interface BunHandlerOptions {
  /** Bindings handed to every handler as `c.env`. */
  env?: unknown
  /** Where failures the app itself could not answer are reported. Default: core's `defaultLogError`. */
  logError?: (error: unknown) => void
}

const kUnknown: ConnInfo = { remote: {} }

/**
 * Turns an app into the `fetch` handler of `Bun.serve()` or of a module's default export. Unlike
 * passing `app.fetch`, it reads the client address from Bun's server, so `getConnInfo(c)` works,
 * and it never mistakes the server argument for `c.env`.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { toBunHandler } from '@openspeed/adapters-bun'
 *
 * const app = new OpenSpeed().get('/', (c) => c.text('Hello from Bun'))
 * export default { port: 3000, fetch: toBunHandler(app) }
 */
export function toBunHandler(app: OpenSpeed<any, any>, options: BunHandlerOptions = {}): BunHandler {
  const { env, logError } = options
  return (request, server) => {
    const source = new WebRequestSource(request, () => {
      const peer = server.requestIP(request)
      return peer === null
        ? kUnknown
        : { remote: { address: peer.address, port: peer.port, family: peer.family } }
    })
    return respondSafely(app, source, env, undefined, logError)
  }
}
