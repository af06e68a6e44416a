/**
 * The logger `logger()` writes to: pino's interface, so a pino instance fits as it is.
 *
 * @example
 * import pino from 'pino'
 * const log: LoggerLike = pino()
 */
export interface LoggerLike {
  info(fields: object, message?: string): void
  warn(fields: object, message?: string): void
  error(fields: object, message?: string): void
  /** A logger that adds `bindings` to every line (pino's `child`). */
  child?(bindings: Record<string, unknown>): LoggerLike
}

/**
 * A log level name.
 *
 * @example
 * logger({ level: (status): LogLevel => (status >= 500 ? 'error' : 'info') })
 */
export type LogLevel = 'info' | 'warn' | 'error'

/**
 * Options for {@link createConsoleLogger}.
 *
 * @example
 * createConsoleLogger({ write: (line) => lines.push(line) })
 */
export interface ConsoleLoggerOptions {
  /** Receives each JSON line. Default: `console.log` (info), `console.warn`, `console.error`. */
  write?: (line: string, level: LogLevel) => void
  /** Fields added to every line. */
  bindings?: Record<string, unknown>
}

// pino's numeric levels, so tools made for pino output (pino-pretty, log shippers) read these lines
const kLevels: Record<LogLevel, number> = { info: 30, warn: 40, error: 50 }

const defaultWrite = (line: string, level: LogLevel): void => {
  if (level === 'info') console.log(line)
  else if (level === 'warn') console.warn(line)
  else console.error(line)
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return { type: value.name, message: value.message, stack: value.stack }
  }
  return typeof value === 'bigint' ? value.toString() : value
}

function serialize(
  level: LogLevel,
  bindings: Record<string, unknown>,
  fields: object,
  message?: string,
): string {
  const line = { level: kLevels[level], time: Date.now(), ...bindings, ...fields, msg: message }
  try {
    return JSON.stringify(line, replacer)
  } catch {
    // a circular value must not cost the request its log line
    return JSON.stringify({
      level: kLevels[level],
      time: line.time,
      ...bindings,
      msg: message,
      unserializable: true,
    })
  }
}

/**
 * A small JSON-lines logger on `console` for runtimes without pino (Workers, Deno, Bun, edge):
 * the same shape as pino's output (`level` 30/40/50, `time`, fields, `msg`).
 *
 * @example
 * import { createConsoleLogger, logger } from '@openspeed/middleware/logger'
 * app.use(logger({ logger: createConsoleLogger({ bindings: { service: 'api' } }) }))
 */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): LoggerLike {
  const write = options.write ?? defaultWrite
  const bindings = options.bindings ?? {}
  return {
    info: (fields, message) => write(serialize('info', bindings, fields, message), 'info'),
    warn: (fields, message) => write(serialize('warn', bindings, fields, message), 'warn'),
    error: (fields, message) => write(serialize('error', bindings, fields, message), 'error'),
    child: (more) => createConsoleLogger({ write, bindings: { ...bindings, ...more } }),
  }
}
