const kCliError: unique symbol = Symbol.for('openspeed.cli.error')

/** Every error code the `openspeed` command reports, with the exit code it ends with. */
export const cliErrorCodes = {
  OS_ERR_CLI_USAGE: { exitCode: 2, meaning: 'Unknown command or flag, or a missing argument.' },
  OS_ERR_CLI_CONFIG_INVALID: {
    exitCode: 1,
    meaning: 'openspeed.config.ts failed to load or holds an invalid option.',
  },
  OS_ERR_CLI_ENTRY_NOT_FOUND: { exitCode: 1, meaning: 'The configured `entry` file does not exist.' },
  OS_ERR_CLI_ENTRY_INVALID: {
    exitCode: 1,
    meaning: 'The entry failed to load or does not `export default` an OpenSpeed app.',
  },
  OS_ERR_CLI_ROUTES_INVALID: {
    exitCode: 1,
    meaning: 'The `routesDir` folder is missing, has an invalid file name, or two files with one route.',
  },
  OS_ERR_CLI_BUILD_FAILED: { exitCode: 1, meaning: 'The bundler reported errors.' },
  OS_ERR_CLI_BUILD_MISSING: {
    exitCode: 1,
    meaning: '`openspeed start` found no build: run `openspeed build`.',
  },
  OS_ERR_CLI_START_UNSUPPORTED: {
    exitCode: 1,
    meaning: 'The runtime is not started locally (lambda, vercel): deploy the build instead.',
  },
  OS_ERR_CLI_PLUGIN_INVALID_NAME: {
    exitCode: 2,
    meaning: '`plugin new` got a name that is not a valid package name.',
  },
  OS_ERR_CLI_PLUGIN_EXISTS: { exitCode: 1, meaning: '`plugin new` would write into a non-empty folder.' },
} as const

/** A code from {@link cliErrorCodes}. */
export type CliErrorCode = keyof typeof cliErrorCodes

/**
 * An error the `openspeed` command reports as one readable line (plus a code frame when there is
 * one) and ends with its code's exit code. Branded with `Symbol.for` so checks work across copies.
 *
 * @example
 * import { CliError } from '@openspeed/cli'
 * try { await buildApp({ root: '.' }) } catch (error) {
 *   if (CliError.isInstance(error)) console.error(error.code, error.exitCode)
 * }
 */
export class CliError extends Error {
  readonly code: CliErrorCode
  /** The process exit code for this error: 2 for usage errors, 1 otherwise. */
  readonly exitCode: number

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'CliError'
    this.code = code
    this.exitCode = cliErrorCodes[code].exitCode
  }

  /** Whether `value` is a `CliError` from this or any other installed copy of the CLI. */
  static isInstance(value: unknown): value is CliError {
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[kCliError] === true
    )
  }
}

Object.defineProperty(CliError.prototype, kCliError, { value: true })
