import type { Context, MiddlewareHandler } from '@openspeed/core'
import { checkMiddlewareOptions, configError } from '../_errors.ts'
import { MetricList } from './_metrics.ts'
import type { Timing } from './types.ts'

export type { Timing } from './types.ts'

/**
 * Options for {@link timing}.
 *
 * @example
 * timing({ enabled: (c) => c.req.header('x-debug') === '1', allowOrigin: 'https://dashboard.example.com' })
 */
export interface TimingOptions {
  /** Add a `total` metric for the whole request. Default `true`. */
  total?: boolean
  /** Decimal digits of durations. Default 1. */
  digits?: number
  /** Send the header for this request? Timings tell how long work takes, so gate them in production. Default: always. */
  enabled?: (c: Context) => boolean
  /** Let these cross-origin pages read the timings (`Timing-Allow-Origin`). */
  allowOrigin?: string
}

/**
 * The context variables `timing()` sets.
 *
 * @example
 * const app = new OpenSpeed<{ Variables: TimingVariables }>().use(timing())
 */
export interface TimingVariables {
  timing: Timing
}

/**
 * Adds a `Server-Timing` header: the total time of the request plus any metric a handler records
 * with `setMetric(c, ...)` or `c.get('timing')`. Names are reduced to token characters and
 * descriptions quoted, so no metric can break the header.
 *
 * @example
 * import { setMetric, timing } from '@openspeed/middleware/timing'
 * app.use(timing())
 * app.get('/users', async (c) => {
 *   const start = performance.now()
 *   const users = await db.listUsers()
 *   setMetric(c, 'db', performance.now() - start, 'list users')
 *   return c.json(users)
 * })
 */
export function timing(options: TimingOptions = {}): MiddlewareHandler {
  checkMiddlewareOptions('timing()', 'OS_ERR_TIMING_INVALID_OPTIONS', options, {
    total: 'boolean',
    digits: 'number',
    enabled: 'function',
    allowOrigin: 'string',
  })
  const total = options.total !== false
  const digits = options.digits ?? 1
  if (!Number.isInteger(digits) || digits < 0 || digits > 6)
    throw configError('OS_ERR_TIMING_INVALID_OPTIONS', 'timing(): digits must be 0 to 6')
  const allowOrigin = options.allowOrigin
  if (allowOrigin !== undefined && /[\r\n\0]/.test(allowOrigin))
    throw configError('OS_ERR_TIMING_INVALID_OPTIONS', 'timing(): invalid allowOrigin')
  return async function timingMiddleware(c, next) {
    const start = performance.now()
    const metrics = new MetricList(digits)
    c.set('timing', metrics)
    await next()
    // metrics are still collected when the header is off, so handlers never check
    if (options.enabled !== undefined && !options.enabled(c)) return
    if (total) metrics.add('total', performance.now() - start)
    const value = metrics.toString()
    if (value === '') return
    c.header('server-timing', value, { append: true })
    if (allowOrigin !== undefined) c.header('timing-allow-origin', allowOrigin)
  }
}

/**
 * Records a metric for the current request's `Server-Timing` header (no-op without `timing()`).
 *
 * @example
 * setMetric(c, 'cache', 0.4, 'hit')
 */
export function setMetric(c: Context, name: string, duration?: number, description?: string): void {
  ;(c.get('timing') as Timing | undefined)?.add(name, duration, description)
}
