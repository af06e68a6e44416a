import { type MiddlewareHandler, withDescription } from '@openspeed/core'
import { assertContentLength } from '@openspeed/core/adapter'
import { checkMiddlewareOptions, configError } from '../_errors.ts'

/**
 * Options for {@link bodyLimit}.
 *
 * @example
 * bodyLimit({ maxSize: 64 * 1024 })
 */
export interface BodyLimitOptions {
  /** Largest request body accepted, in bytes. */
  maxSize: number
}

/**
 * Sets the request body limit for the routes it covers, lower or higher than the app-wide
 * `bodyLimit` option. A declared `Content-Length` over the limit is refused with 413 problem+json
 * before the handler runs; a body without a declared length (chunked, or HTTP/2 without
 * `content-length`) gets the same 413 from `c.req.json()`, `text()`, `formData()` or
 * `arrayBuffer()` as soon as it passes the limit.
 *
 * @example
 * import { bodyLimit } from '@openspeed/middleware/body-limit'
 * app.use(bodyLimit({ maxSize: 100 * 1024 }))                               // every route
 * app.post('/avatar', bodyLimit({ maxSize: 2 * 1024 * 1024 }), saveAvatar) // above the app's 1 MiB
 */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler {
  checkMiddlewareOptions('bodyLimit()', 'OS_ERR_BODY_LIMIT_INVALID_OPTIONS', options, {
    maxSize: { kind: 'number', required: true },
  })
  const maxSize = options.maxSize
  if (!Number.isInteger(maxSize) || maxSize < 0) {
    throw configError(
      'OS_ERR_BODY_LIMIT_INVALID_OPTIONS',
      'bodyLimit(): maxSize must be a whole number of bytes',
    )
  }
  const middleware: MiddlewareHandler = function bodyLimitMiddleware(c, next) {
    assertContentLength(c.req.header('content-length'), maxSize)
    c.req.bodyLimit = maxSize
    return next()
  }
  return withDescription(middleware, {
    responses: { 413: { description: `Request body larger than ${maxSize} bytes` } },
  })
}
