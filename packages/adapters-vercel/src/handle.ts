import type { ConnInfo, ExecutionContext, OpenSpeed } from '@openspeed/core'
import { respondSafely, WebRequestSource } from '@openspeed/core/adapter'

/**
 * What Vercel passes beside the request to an Edge Function (`export default`): `waitUntil`.
 * Next.js route handlers (`export const GET`) get a route context instead, which is ignored.
 *
 * @example
 * export default (request: Request, context: VercelEdgeContext) => handle(app)(request, context)
 */
export interface VercelEdgeContext {
  waitUntil(promise: Promise<unknown>): void
}

/**
 * An Edge Function / route handler: a Web `Request` in, a Web `Response` out.
 *
 * @example
 * export const GET: VercelEdgeHandler = handle(app)
 */
export type VercelEdgeHandler = (request: Request, context?: unknown) => Promise<Response>

/**
 * Options for {@link handle}.
 *
 * @example
 * export default handle(app, { logError: (error) => console.error('edge function failed', error) })
 */
export interface VercelEdgeHandlerOptions {
  /** Where failures the app itself could not answer are reported. Default: core's `defaultLogError`. */
  logError?: (error: unknown) => void
}

const kUnknown: ConnInfo = { remote: {} }

/**
 * The client address from the headers Vercel's edge sets: `X-Real-IP`, else the first
 * `X-Forwarded-For` entry. Vercel overwrites both with the address it saw, so a client cannot
 * choose them; behind another proxy in front of Vercel they name that proxy.
 */
function connInfoOf(request: Request): () => ConnInfo {
  return () => {
    const address =
      request.headers.get('x-real-ip')?.trim() ||
      request.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
    if (!address) return kUnknown
    return { remote: { address, family: address.includes(':') ? 'IPv6' : 'IPv4' } }
  }
}

function executionContextOf(context: unknown): ExecutionContext | undefined {
  const waitUntil = (context as Partial<VercelEdgeContext> | undefined)?.waitUntil
  return typeof waitUntil === 'function'
    ? { waitUntil: (promise) => waitUntil.call(context, promise) }
    : undefined
}

/**
 * Turns an app into a Vercel Edge Function (`export default handle(app)`) or a set of Next.js
 * route handlers (`export const GET = handle(app)`, same for the other methods). The Edge
 * context's `waitUntil` becomes `c.executionCtx.waitUntil`; `getConnInfo(c)` reads the client
 * address Vercel puts in `X-Real-IP` / `X-Forwarded-For`. If the app itself fails to answer, the
 * client gets core's 500 problem (`OS_ERR_INTERNAL`) instead of the platform's error page.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { handle } from '@openspeed/adapters-vercel'
 *
 * const app = new OpenSpeed().get('/api/hello', (c) => c.json({ hello: 'edge' }))
 * export const config = { runtime: 'edge' }
 * export default handle(app)
 */
export function handle(app: OpenSpeed<any, any>, options: VercelEdgeHandlerOptions = {}): VercelEdgeHandler {
  const { logError } = options
  return async (request, context) =>
    respondSafely(
      app,
      new WebRequestSource(request, connInfoOf(request)),
      undefined,
      executionContextOf(context),
      logError,
    )
}
