import { type ErrorCodeTable, OpenSpeedError } from '@openspeed/core'

/** A code from {@link createErrorCodes}. */
export type CreateErrorCode =
  | 'OS_ERR_CREATE_USAGE'
  | 'OS_ERR_CREATE_INVALID_NAME'
  | 'OS_ERR_CREATE_DIR_NOT_EMPTY'
  | 'OS_ERR_CREATE_UNKNOWN_TEMPLATE'
  | 'OS_ERR_CREATE_UNKNOWN_RUNTIME'
  | 'OS_ERR_CREATE_STEP_FAILED'

/**
 * Every error code create-openspeed reports. All end the process with exit code 1.
 *
 * @example
 * import { createErrorCodes } from 'create-openspeed'
 * createErrorCodes.OS_ERR_CREATE_DIR_NOT_EMPTY.description // 'The target folder exists and is not empty.'
 */
export const createErrorCodes: ErrorCodeTable<CreateErrorCode> = {
  OS_ERR_CREATE_USAGE: {
    exitCode: 1,
    description: 'Unknown flag, or a value needed without a terminal to ask for it.',
  },
  OS_ERR_CREATE_INVALID_NAME: { exitCode: 1, description: 'The project name is not a valid package name.' },
  OS_ERR_CREATE_DIR_NOT_EMPTY: { exitCode: 1, description: 'The target folder exists and is not empty.' },
  OS_ERR_CREATE_UNKNOWN_TEMPLATE: {
    exitCode: 1,
    description: 'No template by that name (the message lists them).',
  },
  OS_ERR_CREATE_UNKNOWN_RUNTIME: {
    exitCode: 1,
    description: 'No runtime by that name (the message lists them).',
  },
  OS_ERR_CREATE_STEP_FAILED: {
    exitCode: 1,
    description: 'git init or the dependency install failed; the project itself was written.',
  },
}

/**
 * An error create-openspeed reports as one readable line. Nothing was written when one of the
 * input errors is thrown; `OS_ERR_CREATE_STEP_FAILED` comes after the project was written.
 * `CreateError.isInstance()` recognises it across installed copies.
 *
 * @example
 * import { CreateError, createProject } from 'create-openspeed'
 * try { createProject({ dir: 'my-app', template: 'nope' }) } catch (error) {
 *   if (CreateError.isInstance(error)) console.error(error.code) // OS_ERR_CREATE_UNKNOWN_TEMPLATE
 * }
 */
export class CreateError extends OpenSpeedError<CreateErrorCode> {
  static {
    OpenSpeedError.brand(CreateError, 'create-openspeed.CreateError')
  }
}
