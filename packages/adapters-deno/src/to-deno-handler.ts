import type { OpenSpeed } from '@openspeed/core'
import { respondSafely, WebRequestSource } from '@openspeed/core/adapter'
import { toConnInfo } from './_conn-info.ts'
import type { DenoServeHandlerInfo } from './deno-server.ts'

/**
 * A Deno serve handler: `(request, info) => Response`.
 *
 * @example
 * const handler: DenoHandler = toDenoHandler(app)
 */
export type DenoHandler = (request: Request, info?: DenoServeHandlerInfo) => Response | Promise<Response>

/**
 * Options for {@link toDenoHandler} (and `serve()`).
 *
 * @example
 * toDenoHandler(app, { env: { region: Deno.env.get('REGION') } })
 */
export interface DenoHandlerOptions {
  /** Bindings handed to every handler as `c.env`. */
  env?: unknown
  /** Where failures the app itself could not answer are reported. Default: core's `defaultLogError`. */
  logError?: (error: unknown) => void
}

/**
 * Turns an app into a Deno serve handler, for `Deno.serve()` or the default export that
 * `deno serve` runs. Unlike passing `app.fetch`, it reads the client address from Deno's handler
 * info, so `getConnInfo(c)` works, and it never mistakes that info for `c.env`.
 *
 * @example
 * // main.ts, run with `deno serve main.ts`
 * import { OpenSpeed } from '@openspeed/core'
 * import { toDenoHandler } from '@openspeed/adapters-deno'
 *
 * const app = new OpenSpeed().get('/', (c) => c.text('Hello from Deno'))
 * export default { fetch: toDenoHandler(app) }
 */
export function toDenoHandler(app: OpenSpeed<any, any>, options: DenoHandlerOptions = {}): DenoHandler {
  const { env, logError } = options
  return (request, info) =>
    respondSafely(app, new WebRequestSource(request, () => toConnInfo(info)), env, undefined, logError)
}
