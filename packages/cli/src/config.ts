import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { importTypeScript } from './_import-ts.ts'
import { CliError } from './cli-error.ts'

/** The runtimes `openspeed build` targets. */
export const runtimes = ['node', 'bun', 'deno', 'cloudflare', 'vercel', 'lambda'] as const

/** A runtime `openspeed build` can target. */
export type Runtime = (typeof runtimes)[number]

/** What `openspeed.config.ts` exports (every field optional). */
export interface OpenSpeedConfig {
  /** Module whose default export is the app. Default `src/app.ts`. */
  entry?: string
  /** Where the build runs. Default `node`. */
  runtime?: Runtime
  /** Folder of file routes (`@openspeed/router-fs`); the build writes their manifest. */
  routesDir?: string
  /** Build output folder. Default `dist`. */
  outDir?: string
  /** Port for `openspeed dev` and `openspeed start`. Default `3000` (or `PORT`). */
  port?: number
  /** Address to listen on. Default: every interface. */
  hostname?: string
  /** Packages the build leaves as imports instead of bundling them. */
  external?: string[]
}

/** A loaded config: every path absolute, every default filled in. */
export interface ResolvedConfig {
  root: string
  /** Absolute path of the config file, or `undefined` when the project has none. */
  configFile: string | undefined
  entry: string
  runtime: Runtime
  routesDir: string | undefined
  outDir: string
  port: number
  hostname: string | undefined
  external: string[]
}

/** Config file names looked up in the project root, in order. */
export const configFileNames: readonly string[] = [
  'openspeed.config.ts',
  'openspeed.config.mts',
  'openspeed.config.js',
  'openspeed.config.mjs',
]

/**
 * Declares the project's configuration with type checking; the default export of `openspeed.config.ts`.
 *
 * @example
 * // openspeed.config.ts
 * import { defineConfig } from '@openspeed/cli'
 * export default defineConfig({ entry: 'src/app.ts', runtime: 'node', port: 3000 })
 */
export function defineConfig(config: OpenSpeedConfig): OpenSpeedConfig {
  return config
}

/**
 * Loads `openspeed.config.ts` (or `.mts`/`.js`/`.mjs`) from `root` the way every command does:
 * bundled with esbuild, imported, validated, defaults filled in. No config file means defaults.
 *
 * @example
 * import { loadConfig } from '@openspeed/cli'
 * const config = await loadConfig(process.cwd())
 * console.log(config.entry, config.runtime) // '/app/src/app.ts' 'node'
 */
export async function loadConfig(
  root: string,
  options: { configFile?: string } = {},
): Promise<ResolvedConfig> {
  const absoluteRoot = resolve(root)
  const configFile = findConfigFile(absoluteRoot, options.configFile)
  let loaded: unknown = {}
  if (configFile !== undefined) {
    try {
      loaded = ((await importTypeScript(configFile)) as { default?: unknown }).default ?? {}
    } catch (error) {
      throw new CliError(
        'OS_ERR_CLI_CONFIG_INVALID',
        `${configFile} failed to load: ${(error as Error).message}`,
        {
          cause: error,
        },
      )
    }
  }
  return resolveConfig(absoluteRoot, configFile, loaded)
}

function findConfigFile(root: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) {
    const file = resolve(root, explicit)
    if (!existsSync(file))
      throw new CliError('OS_ERR_CLI_CONFIG_INVALID', `The config file ${file} does not exist`)
    return file
  }
  return configFileNames.map((name) => resolve(root, name)).find((file) => existsSync(file))
}

const knownKeys = new Set(['entry', 'runtime', 'routesDir', 'outDir', 'port', 'hostname', 'external'])

function resolveConfig(root: string, configFile: string | undefined, value: unknown): ResolvedConfig {
  const where = configFile ?? 'the config'
  const fail = (message: string): never => {
    throw new CliError('OS_ERR_CLI_CONFIG_INVALID', `${where}: ${message}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('the default export must be an object')
  const config = value as Record<string, unknown>
  for (const key of Object.keys(config)) if (!knownKeys.has(key)) fail(`unknown option "${key}"`)
  const text = (key: string): string | undefined => {
    const option = config[key]
    if (option !== undefined && (typeof option !== 'string' || option === ''))
      fail(`"${key}" must be a non-empty string`)
    return option as string | undefined
  }
  const runtime = config.runtime ?? 'node'
  if (!runtimes.includes(runtime as Runtime)) fail(`"runtime" must be one of ${runtimes.join(', ')}`)
  const port = config.port ?? defaultPort()
  if (!Number.isInteger(port) || (port as number) < 0 || (port as number) > 65535)
    fail('"port" must be an integer from 0 to 65535')
  const external = config.external ?? []
  if (!Array.isArray(external) || external.some((item) => typeof item !== 'string'))
    fail('"external" must be a list of package names')
  const absolute = (path: string): string => (isAbsolute(path) ? path : resolve(root, path))
  const routesDir = text('routesDir')
  return {
    root,
    configFile,
    entry: absolute(text('entry') ?? 'src/app.ts'),
    runtime: runtime as Runtime,
    routesDir: routesDir === undefined ? undefined : absolute(routesDir),
    outDir: absolute(text('outDir') ?? 'dist'),
    port: port as number,
    hostname: text('hostname'),
    external: external as string[],
  }
}

function defaultPort(): number {
  const fromEnvironment = Number(process.env.PORT)
  return Number.isInteger(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : 3000
}
