import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { formatError } from './_code-frame.ts'
import { commands } from './_command-list.ts'
import type { Command } from './_commands.ts'
import { CliError } from './cli-error.ts'
import type { Logger } from './logger.ts'

/** Where {@link runCli} runs: folder, output and a signal that stops long-running commands. */
export interface CliOptions {
  cwd?: string
  logger?: Logger
  /** Aborting it stops `dev` and `start` like SIGINT does. */
  signal?: AbortSignal
}

/**
 * Runs the `openspeed` command line and resolves with the exit code: 0 on success, 1 when the
 * command failed (config, entry, build, a server that exited with an error), 2 on a usage error.
 *
 * @example
 * import { runCli } from '@openspeed/cli'
 * process.exitCode = await runCli(['routes', '--json'])
 */
export async function runCli(argv: readonly string[], options: CliOptions = {}): Promise<number> {
  const logger = options.logger ?? { info: console.log, error: console.error }
  const cwd = options.cwd ?? process.cwd()
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    logger.info(mainHelp())
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v') {
    logger.info(version())
    return 0
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  try {
    if (command === undefined)
      throw new CliError('OS_ERR_CLI_USAGE', `Unknown command "${name}"\n\n${mainHelp()}`)
    if (rest.includes('--help') || rest.includes('-h')) {
      logger.info(commandHelp(name, command))
      return 0
    }
    const { values, positionals } = parse(command, rest)
    return await command.run({ values, positionals, cwd, logger, signal: options.signal })
  } catch (error) {
    if (CliError.isInstance(error)) {
      logger.error(
        `openspeed ${name}: ${error.message}${error.cause === undefined ? '' : `\n${formatError(error.cause, cwd)}`}`,
      )
      return error.exitCode
    }
    logger.error(`openspeed ${name}: ${formatError(error, cwd)}`)
    return 1
  }
}

function parse(
  command: Command,
  args: string[],
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args, options: command.options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new CliError('OS_ERR_CLI_USAGE', `${(error as Error).message}\n\n${command.usage}`)
  }
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length))
  const list = Object.entries(commands).map(
    ([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`,
  )
  return [
    'Usage: openspeed <command> [options]',
    '',
    'Commands:',
    ...list,
    '',
    'Run `openspeed <command> --help` for its options.',
    'Exit codes: 0 success, 1 the command failed, 2 usage error.',
  ].join('\n')
}

function commandHelp(name: string, command: Command): string {
  const flags = Object.entries(command.options).map(([flag, option]) => {
    const left = `${option.short ? `-${option.short}, ` : '    '}--${flag}${option.type === 'string' ? ' <value>' : ''}`
    return [left, option.description] as const
  })
  flags.push(['-h, --help', 'Show this help'])
  const width = Math.max(...flags.map(([left]) => left.length))
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...flags.map(([left, text]) => `  ${left.padEnd(width)}  ${text}`),
    '',
    `Exit codes: 0 success, 1 \`${name}\` failed, 2 usage error.`,
  ].join('\n')
}

function version(): string {
  return (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version
}
