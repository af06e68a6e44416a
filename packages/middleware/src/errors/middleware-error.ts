import { OpenSpeedError } from '@openspeed/core'
import type { MiddlewareErrorCode } from './codes.ts'

/**
 * The error a middleware factory throws when it is created with invalid options: an unknown
 * option (`cors({ orgin })`), a value of the wrong kind, or a value the middleware cannot use.
 * It is a programming mistake, raised when the app is built, never while serving a request.
 *
 * @example
 * import { cors } from '@openspeed/middleware/cors'
 * import { MiddlewareError } from '@openspeed/middleware/errors'
 *
 * try {
 *   cors({ orgin: 'https://app.example.com' } as never)
 * } catch (error) {
 *   if (MiddlewareError.isInstance(error)) console.log(error.code) // OS_ERR_CORS_INVALID_OPTIONS
 * }
 */
export class MiddlewareError extends OpenSpeedError<MiddlewareErrorCode> {
  static {
    OpenSpeedError.brand(MiddlewareError, '@openspeed/middleware.MiddlewareError')
  }
}
