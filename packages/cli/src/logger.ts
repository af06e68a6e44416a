/**
 * Where the CLI writes status lines and errors.
 *
 * @example
 * const logger: Logger = { info: (line) => console.log(line), error: (line) => console.error(line) }
 */
export interface Logger {
  info(line: string): void
  error(line: string): void
}
