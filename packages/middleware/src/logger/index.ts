import { type Context, HttpError, type MiddlewareHandler } from '@openspeed/core'
import { checkMiddlewareOptions } from '../_errors.ts'
import { createConsoleLogger, type LoggerLike, type LogLevel } from './console-logger.ts'

export {
  type ConsoleLoggerOptions,
  createConsoleLogger,
  type LoggerLike,
  type LogLevel,
} from './console-logger.ts'

/**
 * Options for {@link logger}.
 *
 * @example
 * logger({ logger: pino(), level: (status) => (status >= 500 ? 'error' : 'info') })
 */
export interface LoggerOptions {
  /** Where lines go: a pino instance or anything with `info`/`warn`/`error`. Default: JSON on console. */
  logger?: LoggerLike
  /** The level of a request's line, or `false` to skip it. Default: error for 5xx, warn for 4xx, else info. */
  level?: (status: number, c: Context) => LogLevel | false
}

/**
 * The context variables `logger()` sets.
 *
 * @example
 * const app = new OpenSpeed<{ Variables: LoggerVariables }>().use(logger())
 */
export interface LoggerVariables {
  /** The request's logger: bound to its request id when `requestId()` runs before `logger()`. */
  logger: LoggerLike
}

const defaultLevel = (status: number): LogLevel => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info')

/**
 * Writes one structured line per request once it is answered: `requestId`, `method`, `route` (the
 * matched pattern, e.g. `/users/:id`, or `null`), `path` (no query string, which may hold
 * secrets), `status` and `durationMs`, plus `err` for unexpected 5xx errors. Uses pino when you
 * pass it (`logger({ logger: pino() })`), a light JSON console logger otherwise. Handlers log
 * through `c.get('logger')`, which carries the request id.
 *
 * @example
 * import { logger } from '@openspeed/middleware/logger'
 * import { requestId } from '@openspeed/middleware/request-id'
 * app.use(requestId()).use(logger())
 * app.get('/users/:id', (c) => {
 *   c.get('logger').info({ user: c.req.param('id') }, 'loading user')
 *   return c.json({ id: c.req.param('id') })
 * })
 */
export function logger(options: LoggerOptions = {}): MiddlewareHandler {
  checkMiddlewareOptions('logger()', 'OS_ERR_LOGGER_INVALID_OPTIONS', options, {
    logger: 'object',
    level: 'function',
  })
  const base = options.logger ?? createConsoleLogger()
  const level = options.level ?? defaultLevel
  return async function loggerMiddleware(c, next) {
    const start = performance.now()
    const boundId = c.get('requestId') as string | undefined
    const log = boundId !== undefined && base.child !== undefined ? base.child({ requestId: boundId }) : base
    c.set('logger', log)
    await next()
    const status = c.res?.status ?? 500
    const chosen = level(status, c)
    if (chosen === false) return
    const fields: Record<string, unknown> = {
      method: c.req.method,
      route: c.req.routePath ?? null,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - start) * 100) / 100,
    }
    if (log === base) fields.requestId = c.get('requestId')
    if (status >= 500 && c.error !== undefined && !HttpError.isInstance(c.error)) fields.err = c.error
    try {
      log[chosen](fields, 'request completed')
    } catch {
      // a failing log sink must never turn an answered request into a 500
    }
  }
}
