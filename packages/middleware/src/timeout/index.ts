import { type MiddlewareHandler, toProblemResponse, withDescription } from '@openspeed/core'
import { checkMiddlewareOptions, configError, middlewareError } from '../_errors.ts'
import { keepResponse } from './_keep-response.ts'

/**
 * Options for {@link timeout}.
 *
 * @example
 * timeout(5_000, { status: 503, detail: 'The report took too long; try a smaller range' })
 */
export interface TimeoutOptions {
  /** Status of the timeout answer: 504 Gateway Timeout (default) or 503 Service Unavailable. */
  status?: 503 | 504
  /** The problem's `detail`. Default: `The request took longer than <ms> ms`. */
  detail?: string
}

/**
 * The context variables `timeout()` sets.
 *
 * @example
 * const app = new OpenSpeed<{ Variables: TimeoutVariables }>().use(timeout(2_000))
 */
export interface TimeoutVariables {
  /**
   * Aborted when the time is up or the client disconnects (it follows `c.req.signal` too). Pass it
   * to `fetch`, database drivers and loops so the work stops with the request.
   */
  timeoutSignal: AbortSignal
}

/**
 * Answers with 504 (or 503) problem+json when the rest of the chain takes longer than `ms`.
 * The handler is told through `c.get('timeoutSignal')`, which aborts with a `TimeoutError` at
 * that moment. The timeout answer is final: a result the handler produces later is discarded.
 *
 * @example
 * import { timeout } from '@openspeed/middleware/timeout'
 * app.get('/report', timeout(2_000), async (c) => {
 *   const upstream = await fetch('https://reports.internal/daily', { signal: c.get('timeoutSignal') })
 *   return c.json(await upstream.json())
 * })
 */
export function timeout(ms: number, options: TimeoutOptions = {}): MiddlewareHandler {
  checkMiddlewareOptions('timeout()', 'OS_ERR_TIMEOUT_INVALID_OPTIONS', options, {
    status: { oneOf: [503, 504] },
    detail: 'string',
  })
  if (!Number.isFinite(ms) || ms <= 0)
    throw configError('OS_ERR_TIMEOUT_INVALID_OPTIONS', 'timeout(): ms must be a positive number')
  const status = options.status ?? 504
  if (status !== 503 && status !== 504)
    throw configError('OS_ERR_TIMEOUT_INVALID_OPTIONS', 'timeout(): status must be 503 or 504')
  const detail = options.detail ?? `The request took longer than ${ms} ms`
  const middleware: MiddlewareHandler = async function timeoutMiddleware(c, next) {
    const controller = new AbortController()
    c.set('timeoutSignal', AbortSignal.any([controller.signal, c.req.signal]))
    let timer: ReturnType<typeof setTimeout> | undefined
    const expired = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms)
    })
    const running = next()
    const finished = await Promise.race([running.then(() => true), expired])
    clearTimeout(timer)
    if (finished) return
    c.res = toProblemResponse(middlewareError('OS_ERR_TIMEOUT_EXCEEDED', { status, detail }), c.req.path)
    keepResponse(c, running)
    controller.abort(new DOMException(detail, 'TimeoutError'))
  }
  return withDescription(middleware, {
    responses: { [status]: { description: `No answer within ${ms} ms` } },
  })
}
