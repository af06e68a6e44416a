import type { ConnInfo, Env, ExecutionContext, OpenSpeed } from '@openspeed/core'
import { respondSafely, WebRequestSource } from '@openspeed/core/adapter'

/** The `env` type of an app: its `Bindings`, or a plain record when it declares none. */
export type WorkerEnv<E extends Env> = E['Bindings'] extends object ? E['Bindings'] : Record<string, unknown>

/**
 * A module worker: what `export default` hands to workerd.
 *
 * @example
 * const worker: ModuleWorker<{ GREETING: string }> = handle(app)
 * export default worker
 */
export interface ModuleWorker<Bindings = Record<string, unknown>> {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext): Response | Promise<Response>
}

/**
 * Options for {@link handle}.
 *
 * @example
 * export default handle(app, { logError: (error) => console.error('worker failed', error) })
 */
export interface WorkerHandlerOptions {
  /** Where failures the app itself could not answer are reported. Default: core's `defaultLogError`. */
  logError?: (error: unknown) => void
}

const kUnknown: ConnInfo = { remote: {} }

/**
 * The client address Cloudflare's edge puts in `CF-Connecting-IP`. Only that header counts: the
 * edge sets it on every request and overwrites a value the client sent, while `X-Forwarded-For`
 * may carry whatever the client wrote.
 */
function connInfoOf(request: Request): () => ConnInfo {
  return () => {
    const address = request.headers.get('cf-connecting-ip')
    if (address === null || address === '') return kUnknown
    return { remote: { address, family: address.includes(':') ? 'IPv6' : 'IPv4' } }
  }
}

/**
 * Turns an app into a Cloudflare Workers module worker. `env` (vars, secrets, KV, D1, R2, Durable
 * Objects, service bindings) reaches handlers as `c.env`, typed by the app's `Bindings`; the
 * execution context is `c.executionCtx`, so `c.executionCtx.waitUntil()` keeps work running after
 * the response; `getConnInfo(c)` reads `CF-Connecting-IP`. If the app itself fails to answer, the
 * client gets core's 500 problem (`OS_ERR_INTERNAL`) instead of Cloudflare's error page.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { handle } from '@openspeed/adapters-cloudflare'
 *
 * type Bindings = { GREETING: string; CACHE: KVNamespace }
 * const app = new OpenSpeed<{ Bindings: Bindings }>().get('/', (c) => c.text(c.env.GREETING))
 * export default handle(app)
 */
export function handle<E extends Env>(
  app: OpenSpeed<E, any>,
  options: WorkerHandlerOptions = {},
): ModuleWorker<WorkerEnv<E>> {
  const { logError } = options
  return {
    fetch: (request, env, ctx) => {
      const source = new WebRequestSource(request, connInfoOf(request))
      const result = respondSafely(app, source, env, ctx, logError)
      return result instanceof Promise ? result.then(keepEncoding) : keepEncoding(result)
    },
  }
}

/**
 * The former name of {@link handle}.
 *
 * @deprecated Use `handle(app)`: adapters name the entry point a platform invokes `handle`.
 * @example
 * export default handle(app) // was: toWorker(app)
 */
export const toWorker: typeof handle = handle

// workerd compresses bodies itself and treats a body as not yet encoded: one the app already
// compressed (Content-Encoding set) must be marked as such, or it would be compressed twice
function keepEncoding(response: Response): Response {
  if (!response.headers.has('content-encoding')) return response
  const init = {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    encodeBody: 'manual',
  }
  return new Response(response.body, init as ResponseInit)
}
