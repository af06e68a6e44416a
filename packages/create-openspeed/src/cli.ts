import { relative } from 'node:path'
import { parseArgs } from 'node:util'
import * as prompts from '@clack/prompts'
import { packageManagerFor, packageManagers, runScript } from './_package-manager.ts'
import { runStep } from './_steps.ts'
import { listRuntimes, listTemplates } from './_templates.ts'
import { openspeedVersions } from './_versions.ts'
import { createProject } from './create.ts'
import { CreateError } from './create-error.ts'
import { detectPackageManager, type PackageManager } from './package-manager.ts'

/** Where {@link runCreate} runs. Defaults: the real process. */
export interface RunOptions {
  cwd?: string
  /** Environment, read for `npm_config_user_agent`. */
  env?: Record<string, string | undefined>
  /** Whether prompts can be shown. Default: stdin and stdout are terminals. */
  interactive?: boolean
  logger?: { info(line: string): void; error(line: string): void }
}

const options = {
  template: { type: 'string', short: 't' },
  runtime: { type: 'string', short: 'r' },
  name: { type: 'string' },
  pm: { type: 'string' },
  git: { type: 'boolean' },
  'no-git': { type: 'boolean' },
  install: { type: 'boolean' },
  'no-install': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
} as const

const defaultDir = 'openspeed-app'

function help(): string {
  const versions = openspeedVersions()
  return [
    'Usage: create-openspeed [folder] [options]',
    '',
    'Creates an OpenSpeed project. Asks for anything not given as a flag (on a terminal).',
    '',
    'Options:',
    `  -t, --template <name>   ${listTemplates(versions)
      .map((choice) => choice.name)
      .join(' | ')} (default rest-api)`,
    `  -r, --runtime <name>    ${listRuntimes(versions)
      .map((choice) => choice.name)
      .join(' | ')} (default node)`,
    '      --name <package>    Package name (default: the folder name)',
    `      --pm <name>         ${packageManagers.join(' | ')} (default: the one running create; bun on Bun)`,
    '      --git, --no-git     Initialise a git repository (default: ask; no with --yes)',
    '      --install, --no-install  Install dependencies (default: ask; no with --yes)',
    '  -y, --yes               Use defaults for everything not given; never prompt (CI)',
    '  -h, --help              Show this help',
    '',
    'Exit codes: 0 created, 1 bad input or a failed step (nothing is half-written), 130 cancelled.',
  ].join('\n')
}

/**
 * The `create-openspeed` command line: reads flags, prompts (with @clack/prompts) for whatever
 * is missing when it runs on a terminal, writes the project, then optionally runs `git init` and
 * the install with a spinner. Resolves with the exit code.
 *
 * @example
 * import { runCreate } from 'create-openspeed'
 * process.exitCode = await runCreate(['my-api', '--template', 'rest-api', '--runtime', 'node', '--yes'])
 */
export async function runCreate(argv: readonly string[], run: RunOptions = {}): Promise<number> {
  const logger = run.logger ?? { info: console.log, error: console.error }
  const env = run.env ?? process.env
  const interactive = run.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true)
  try {
    const { values, positionals } = parse(argv)
    if (values.help) {
      logger.info(help())
      return 0
    }
    const ask = interactive && !values.yes
    if (ask) prompts.intro('create-openspeed')
    const versions = openspeedVersions()
    const dir =
      positionals[0] ?? (ask ? await askText('Where should the project go?', defaultDir) : defaultDir)
    const template =
      values.template ?? (ask ? await askChoice('Template', listTemplates(versions)) : 'rest-api')
    const runtime = values.runtime ?? (ask ? await askChoice('Runtime', listRuntimes(versions)) : 'node')
    const manager = packageManagerOf(values.pm, runtime, env)
    const git = values['no-git']
      ? false
      : (values.git ?? (ask ? await askConfirm('Initialise a git repository?') : false))
    const install = values['no-install']
      ? false
      : (values.install ?? (ask ? await askConfirm(`Install dependencies with ${manager}?`) : false))
    const cwd = run.cwd ?? process.cwd()
    const project = createProject({
      dir: resolveDir(cwd, dir),
      name: values.name,
      template,
      runtime,
      packageManager: manager,
    })
    logger.info(`Created ${project.name} (${project.template}, ${project.runtime}) in ${project.dir}`)
    if (git)
      await step(
        ask,
        'Initialising git',
        () => runStep('git init', 'git', ['init', '--quiet'], project.dir),
        logger,
      )
    if (install)
      await step(
        ask,
        `Installing with ${manager}`,
        () => runStep(`${manager} install`, manager, ['install'], project.dir),
        logger,
      )
    const next = [
      `cd ${relative(cwd, project.dir) || '.'}`,
      ...(install ? [] : [manager === 'yarn' ? 'yarn' : `${manager} install`]),
      runScript(manager, 'dev'),
    ]
    if (ask) prompts.outro(`Next:\n  ${next.join('\n  ')}`)
    else logger.info(`Next:\n  ${next.join('\n  ')}`)
    return 0
  } catch (error) {
    if (error instanceof Cancelled) {
      prompts.cancel('Cancelled, nothing was written.')
      return 130
    }
    if (!CreateError.isInstance(error)) throw error
    logger.error(`create-openspeed: ${error.message}`)
    return 1
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new CreateError('OS_ERR_CREATE_USAGE', `${(error as Error).message} (see --help)`)
  }
}

function packageManagerOf(
  flag: string | undefined,
  runtime: string,
  env: Record<string, string | undefined>,
): PackageManager {
  if (flag === undefined) return packageManagerFor(runtime, detectPackageManager(env.npm_config_user_agent))
  if (!packageManagers.includes(flag as PackageManager)) {
    throw new CreateError(
      'OS_ERR_CREATE_USAGE',
      `--pm must be one of ${packageManagers.join(', ')}, got "${flag}"`,
    )
  }
  return flag as PackageManager
}

function resolveDir(cwd: string, dir: string): string {
  return dir.startsWith('/') ? dir : `${cwd}/${dir}`
}

class Cancelled extends Error {}

function answer<T>(value: T | symbol): T {
  if (prompts.isCancel(value)) throw new Cancelled()
  return value as T
}

async function askText(message: string, placeholder: string): Promise<string> {
  return (
    answer<string>(await prompts.text({ message, placeholder, defaultValue: placeholder })) || placeholder
  )
}

async function askChoice(message: string, choices: { name: string; description: string }[]): Promise<string> {
  return answer<string>(
    await prompts.select({
      message,
      options: choices.map((choice) => ({
        value: choice.name,
        label: choice.name,
        hint: choice.description,
      })),
    }),
  )
}

async function askConfirm(message: string): Promise<boolean> {
  return answer<boolean>(await prompts.confirm({ message, initialValue: true }))
}

async function step(
  ask: boolean,
  title: string,
  work: () => Promise<void>,
  logger: NonNullable<RunOptions['logger']>,
): Promise<void> {
  const spinner = ask ? prompts.spinner() : undefined
  if (spinner) spinner.start(title)
  else logger.info(`${title}...`)
  try {
    await work()
  } catch (error) {
    spinner?.stop(`${title}: failed`)
    throw error
  }
  spinner?.stop(`${title}: done`)
}
