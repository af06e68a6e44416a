import type { ErrorCode } from './_error-status.ts'

const kOpenSpeedError: unique symbol = Symbol.for('openspeed.error')

/**
 * A programming error inside the application (an invalid route pattern, a header value with CR/LF,
 * a missing plugin dependency). It is thrown to the developer; if it happens during a request the
 * client only sees a generic 500 problem response and the error goes to the logger.
 *
 * @example
 * import { OpenSpeedError } from '@openspeed/core'
 * try { app.get('/:id{[}', handler) } catch (error) {
 *   if (OpenSpeedError.isInstance(error)) console.log(error.code) // OS_ERR_ROUTER_INVALID_PATTERN
 * }
 */
export class OpenSpeedError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'OpenSpeedError'
    this.code = code
  }

  /** Whether `value` is an `OpenSpeedError`, from this or any other installed copy of core. */
  static isInstance(value: unknown): value is OpenSpeedError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[kOpenSpeedError] === true
    )
  }
}

// the brand lives on the prototype so that `isInstance` works across installed copies of core
Object.defineProperty(OpenSpeedError.prototype, kOpenSpeedError, { value: true })
