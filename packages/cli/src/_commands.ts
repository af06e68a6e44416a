import type { Logger } from './logger.ts'

/** A parsed command line handed to a command. */
export interface CommandContext {
  values: Record<string, string | boolean | undefined>
  positionals: string[]
  cwd: string
  logger: Logger
  signal: AbortSignal | undefined
}

/** One `openspeed` command: its flags, its help text and what it does. Returns the exit code. */
export interface Command {
  summary: string
  usage: string
  options: Record<string, { type: 'string' | 'boolean'; short?: string; description: string }>
  run(context: CommandContext): Promise<number>
}

const shared = {
  root: { type: 'string', description: 'Project folder (default: the current folder)' },
  config: { type: 'string', description: 'Config file (default: openspeed.config.ts when present)' },
} as const

const server = {
  port: { type: 'string', short: 'p', description: 'Port to listen on (default: config, PORT or 3000)' },
  host: { type: 'string', description: 'Address to listen on (default: every interface)' },
} as const

/** Flags of each command, shared by the parser and the help text. */
export const commandOptions: { shared: typeof shared; server: typeof server } = { shared, server }

/** Resolves when the process gets SIGINT/SIGTERM or `signal` aborts. */
export function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop).off('SIGTERM', stop)
      resolve()
    }
    process.once('SIGINT', stop).once('SIGTERM', stop)
    if (signal?.aborted) stop()
    signal?.addEventListener('abort', stop, { once: true })
  })
}
