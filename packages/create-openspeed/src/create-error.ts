const kCreateError: unique symbol = Symbol.for('openspeed.create.error')

/** Every error code create-openspeed reports. All end the process with exit code 1. */
export const createErrorCodes = {
  OS_ERR_CREATE_USAGE: 'Unknown flag, or a value needed without a terminal to ask for it.',
  OS_ERR_CREATE_INVALID_NAME: 'The project name is not a valid package name.',
  OS_ERR_CREATE_DIR_NOT_EMPTY: 'The target folder exists and is not empty.',
  OS_ERR_CREATE_UNKNOWN_TEMPLATE: 'No template by that name (the message lists them).',
  OS_ERR_CREATE_UNKNOWN_RUNTIME: 'No runtime by that name (the message lists them).',
  OS_ERR_CREATE_STEP_FAILED: 'git init or the dependency install failed; the project itself was written.',
} as const

/** A code from {@link createErrorCodes}. */
export type CreateErrorCode = keyof typeof createErrorCodes

/**
 * An error create-openspeed reports as one readable line. Nothing was written when one of the
 * input errors is thrown; `OS_ERR_CREATE_STEP_FAILED` comes after the project was written.
 *
 * @example
 * import { CreateError, createProject } from 'create-openspeed'
 * try { createProject({ dir: 'my-app', template: 'nope' }) } catch (error) {
 *   if (CreateError.isInstance(error)) console.error(error.code) // OS_ERR_CREATE_UNKNOWN_TEMPLATE
 * }
 */
export class CreateError extends Error {
  readonly code: CreateErrorCode

  constructor(code: CreateErrorCode, message: string) {
    super(message)
    this.name = 'CreateError'
    this.code = code
  }

  /** Whether `value` is a `CreateError` from any installed copy of create-openspeed. */
  static isInstance(value: unknown): value is CreateError {
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[kCreateError] === true
    )
  }
}

Object.defineProperty(CreateError.prototype, kCreateError, { value: true })
