import { checkOptions, HttpError, type HttpErrorOptions, type OptionsSchema } from '@openspeed/core'
import { type MiddlewareProblemCode, type MiddlewareSetupCode, middlewareErrorCodes } from './errors/codes.ts'
import { MiddlewareError } from './errors/middleware-error.ts'

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
