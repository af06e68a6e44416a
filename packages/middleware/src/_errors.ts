import {
  checkOptions,
  HttpError,
  type HttpErrorOptions,
  OpenSpeedError,
  type OptionsSchema,
} from '@openspeed/core'
import {
  type MiddlewareErrorCode,
  type MiddlewareProblemCode,
  type MiddlewareSetupCode,
  middlewareErrorCodes,
} from './errors/_codes.ts'

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

/** The error for an invalid option of one middleware. */
export function configError(code: MiddlewareSetupCode, message: string): MiddlewareError {
  return new MiddlewareError(code, message)
}

/**
 * Refuses unknown option keys and values of the wrong kind, through core's shared checker, with
 * the middleware's own code. Returns the options (`{}` for `undefined`).
 */
export function checkMiddlewareOptions<T extends object>(
  name: string,
  code: MiddlewareSetupCode,
  options: T | undefined,
  schema: OptionsSchema,
): T {
  return checkOptions(name, options, schema, (message) => new MiddlewareError(code, message))
}

/** Builds the `HttpError` (a problem+json answer) for one of this package's problem codes. */
export function middlewareError(
  code: MiddlewareProblemCode,
  options: Omit<HttpErrorOptions, 'code'> & { status?: number } = {},
): HttpError {
  const { status = middlewareErrorCodes[code].status!, ...rest } = options
  return new HttpError(status, { ...rest, code })
}
