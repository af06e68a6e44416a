import { type ErrorCodeTable, OpenSpeedError } from '@openspeed/core'

/** A code from {@link cliErrorCodes}. */
export type CliErrorCode =
  | 'OS_ERR_CLI_USAGE'
  | 'OS_ERR_CLI_CONFIG_INVALID'
  | 'OS_ERR_CLI_ENTRY_NOT_FOUND'
  | 'OS_ERR_CLI_ENTRY_INVALID'
  | 'OS_ERR_CLI_ROUTES_INVALID'
  | 'OS_ERR_CLI_BUILD_FAILED'
  | 'OS_ERR_CLI_BUILD_MISSING'
  | 'OS_ERR_CLI_START_UNSUPPORTED'
  | 'OS_ERR_CLI_PORT_IN_USE'
  | 'OS_ERR_CLI_PLUGIN_INVALID_NAME'
  | 'OS_ERR_CLI_PLUGIN_EXISTS'

/**
 * Every error code the `openspeed` command reports, with the exit code it ends with.
 *
 * @example
 * import { cliErrorCodes } from '@openspeed/cli'
 * cliErrorCodes.OS_ERR_CLI_USAGE.exitCode // 2
 */
export const cliErrorCodes: ErrorCodeTable<CliErrorCode> = {
  OS_ERR_CLI_USAGE: { exitCode: 2, description: 'Unknown command or flag, or a missing argument.' },
  OS_ERR_CLI_CONFIG_INVALID: {
    exitCode: 1,
    description: 'openspeed.config.ts failed to load or holds an invalid option.',
  },
  OS_ERR_CLI_ENTRY_NOT_FOUND: { exitCode: 1, description: 'The configured `entry` file does not exist.' },
  OS_ERR_CLI_ENTRY_INVALID: {
    exitCode: 1,
    description: 'The entry failed to load or does not `export default` an OpenSpeed app.',
  },
  OS_ERR_CLI_ROUTES_INVALID: {
    exitCode: 1,
    description: 'The `routesDir` folder is missing, has an invalid file name, or two files with one route.',
  },
  OS_ERR_CLI_BUILD_FAILED: { exitCode: 1, description: 'The bundler reported errors.' },
  OS_ERR_CLI_BUILD_MISSING: {
    exitCode: 1,
    description: '`openspeed start` found no build: run `openspeed build`.',
  },
  OS_ERR_CLI_START_UNSUPPORTED: {
    exitCode: 1,
    description: 'The runtime is not started locally (cloudflare, vercel, lambda), or its binary is missing.',
  },
  OS_ERR_CLI_PORT_IN_USE: {
    exitCode: 1,
    description: '`openspeed dev` or `start` found its port taken: stop the other server or pass `--port`.',
  },
  OS_ERR_CLI_PLUGIN_INVALID_NAME: {
    exitCode: 2,
    description: '`plugin new` got a name that is not a valid package name.',
  },
  OS_ERR_CLI_PLUGIN_EXISTS: {
    exitCode: 1,
    description: '`plugin new` would write into a non-empty folder.',
  },
}

/**
 * An error the `openspeed` command reports as one readable line (plus a code frame when there is
 * one) and ends with its code's exit code. `CliError.isInstance()` recognises it across copies.
 *
 * @example
 * import { buildApp, CliError } from '@openspeed/cli'
 * try { await buildApp({ root: '.' }) } catch (error) {
 *   if (CliError.isInstance(error)) console.error(error.code, error.exitCode)
 * }
 */
export class CliError extends OpenSpeedError<CliErrorCode> {
  /** The process exit code for this error: 2 for usage errors, 1 otherwise. */
  readonly exitCode: number

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.exitCode = cliErrorCodes[code].exitCode ?? 1
  }

  static {
    OpenSpeedError.brand(CliError, '@openspeed/cli.CliError')
  }
}
