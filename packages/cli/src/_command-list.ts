import { resolve } from 'node:path'
import { createAppRunner } from './_app-runner.ts'
import { type Command, commandOptions, untilStopped } from './_commands.ts'
import { createLocator } from './_locate.ts'
import { fileRouteSources, writeRouteFiles } from './_route-files.ts'
import { buildApp } from './build.ts'
import { CliError } from './cli-error.ts'
import { loadConfig, type Runtime, runtimes } from './config.ts'
import { startDevServer } from './dev-server.ts'
import { createPluginPackage } from './plugin-new.ts'
import { describeRoutes, formatRouteTable } from './routes.ts'
import { startBuild } from './start.ts'

const { shared, server } = commandOptions

const root = (values: Record<string, unknown>, cwd: string): string =>
  resolve(cwd, (values.root as string | undefined) ?? '.')

function portOf(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(
      'OS_ERR_CLI_USAGE',
      `--port must be an integer from 0 to 65535, got "${String(value)}"`,
    )
  }
  return port
}

/** Every `openspeed` command by name. A new command is one entry here. */
export const commands: Record<string, Command> = {
  dev: {
    summary: 'Serve the app and reload changed modules without losing state',
    usage: 'openspeed dev [--port <n>] [--host <address>]',
    options: { ...shared, ...server },
    async run({ values, cwd, logger, signal }) {
      const dev = await startDevServer({
        root: root(values, cwd),
        configFile: values.config as string | undefined,
        port: portOf(values.port),
        hostname: values.host as string | undefined,
        logger,
      })
      await untilStopped(signal)
      await dev.close()
      return 0
    },
  },
  build: {
    summary: 'Bundle the app for its runtime into outDir',
    usage: `openspeed build [--runtime <${runtimes.join('|')}>]`,
    options: {
      ...shared,
      runtime: { type: 'string', description: 'Runtime to build for (default: config)' },
    },
    async run({ values, cwd, logger }) {
      const runtime = values.runtime as string | undefined
      if (runtime !== undefined && !runtimes.includes(runtime as Runtime)) {
        throw new CliError(
          'OS_ERR_CLI_USAGE',
          `--runtime must be one of ${runtimes.join(', ')}, got "${runtime}"`,
        )
      }
      const result = await buildApp({
        root: root(values, cwd),
        configFile: values.config as string | undefined,
        runtime: runtime as Runtime,
      })
      logger.info(`[openspeed] built for ${result.runtime}: ${result.outFile}`)
      return 0
    },
  },
  start: {
    summary: 'Run the build made by `openspeed build`',
    usage: 'openspeed start [--port <n>] [--host <address>]',
    options: { ...shared, ...server },
    run: ({ values, cwd, signal }) =>
      startBuild({
        root: root(values, cwd),
        configFile: values.config as string | undefined,
        port: portOf(values.port),
        hostname: values.host as string | undefined,
        signal,
      }),
  },
  routes: {
    summary: 'List every route: method, path, middleware, handler and source file',
    usage: 'openspeed routes [--json]',
    options: { ...shared, json: { type: 'boolean', description: 'Print JSON instead of a table' } },
    async run({ values, cwd, logger }) {
      const config = await loadConfig(root(values, cwd), { configFile: values.config as string | undefined })
      const { routesDir } = config
      // file routes: the app reads the manifest, so bring it up to date; the folder names each source
      if (routesDir !== undefined) await writeRouteFiles(routesDir)
      const sources = routesDir === undefined ? new Map() : await fileRouteSources(routesDir, config.root)
      const runner = await createAppRunner(config)
      try {
        const app = await runner.importApp()
        await app.ready()
        const rows = describeRoutes(app, createLocator(runner.runner, config.root)).map((row) =>
          sources.has(row.path) ? { ...row, file: sources.get(row.path) } : row,
        )
        logger.info(values.json ? JSON.stringify(rows, null, 2) : formatRouteTable(rows))
        await app.close()
      } finally {
        await runner.close()
      }
      return 0
    },
  },
  plugin: {
    summary: 'Scaffold a plugin package: `openspeed plugin new <name>`',
    usage: 'openspeed plugin new <package-name> [--dir <folder>]',
    options: { dir: { type: 'string', description: 'Target folder (default: the name without its scope)' } },
    async run({ values, positionals, cwd, logger }) {
      const [action, name, ...rest] = positionals
      if (action !== 'new' || name === undefined || rest.length > 0) {
        throw new CliError('OS_ERR_CLI_USAGE', 'Usage: openspeed plugin new <package-name> [--dir <folder>]')
      }
      const dir = values.dir === undefined ? undefined : resolve(cwd, values.dir as string)
      const created = createPluginPackage({ name, dir: dir ?? resolve(cwd, name.replace(/^@[^/]+\//, '')) })
      logger.info(
        `[openspeed] created ${name} in ${created.dir}\n  ${created.files.join('\n  ')}\nNext: cd ${created.dir} && npm install && npm test`,
      )
      return 0
    },
  },
}
