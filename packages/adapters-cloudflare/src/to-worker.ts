import type { ConnInfo, Env, ExecutionContext, OpenSpeed } from '@openspeed/core'
import { respondSafely, WebRequestSource } from '@openspeed/core/adapter'

/** The `env` type of an app: its `Bindings`, or a plain record when it declares none. */
export type WorkerEnv<E extends Env> = E['Bindings'] extends object ? E['Bindings'] : Record<string, unknown>

/**
 * A module worker: what `export default` hands to workerd.
 *
 * @example
 * const worker: ModuleWorker<{ GREETING: string }> = toWorker(app)
 * export default worker
 */
export interface ModuleWorker<Bindings = Record<string, unknown>> {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext): Response | Promise<Response>
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
 * the response; `getConnInfo(c)` reads `CF-Connecting-IP`.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { toWorker } from '@openspeed/adapters-cloudflare'
 *
 * type Bindings = { GREETING: string; CACHE: KVNamespace }
 * const app = new OpenSpeed<{ Bindings: Bindings }>().get('/', (c) => c.text(c.env.GREETING))
 * export default toWorker(app)
 */
export function toWorker<E extends Env>(app: OpenSpeed<E, any>): ModuleWorker<WorkerEnv<E>> {
  return {
    fetch: (request, env, ctx) => {
      const result = respondSafely(app, new WebRequestSource(request, connInfoOf(request)), env, ctx)
      return result instanceof Promise ? result.then(keepEncoding) : keepEncoding(result)
    },
  }
}

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
