import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { basename, join, relative, sep } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { toNodeHandler } from '@openspeed/adapters-node'
import type { OpenSpeed } from '@openspeed/core'
import { type AppRunner, createAppRunner, type FileChange, isSourceFile } from './_app-runner.ts'
import { formatError } from './_code-frame.ts'
import { listen } from './_listen.ts'
import { writeRouteFiles } from './_route-files.ts'
import { CliError } from './cli-error.ts'
import { loadConfig } from './config.ts'
import type { Logger } from './logger.ts'

/** Options for {@link startDevServer}. */
export interface DevServerOptions {
  /** Project folder. Default `process.cwd()`. */
  root?: string
  /** Config file, relative to `root`. Default: `openspeed.config.ts` when present. */
  configFile?: string
  /** Overrides the config's port; `0` picks a free one. */
  port?: number
  /** Overrides the config's hostname. */
  hostname?: string
  /** Where status lines and errors go. Default `console.log` / `console.error`. */
  logger?: Logger
}

/** A running dev server. */
export interface DevServer {
  readonly url: string
  readonly port: number
  /** Resolves once the changes seen so far are applied (or failed to apply). */
  settled(): Promise<void>
  /** Stops watching, closes the app (its `onClose` hooks) and the HTTP server. */
  close(): Promise<void>
}

type NodeListener = (request: IncomingMessage, response: ServerResponse) => void

/**
 * Serves the app on Node and keeps it live: a changed route or middleware module is re-imported
 * together with the modules importing it, while every other module (and the state it holds) stays
 * as it was. A changed `openspeed.config.ts` or `package.json` restarts the app from scratch.
 * With `routesDir`, adding, removing or renaming a route file rewrites the routes manifest and
 * route types, and the app reloads with the new routes.
 * Compile and runtime errors are printed with a code frame; the page shows them until fixed.
 *
 * @example
 * import { startDevServer } from '@openspeed/cli'
 * const dev = await startDevServer({ root: process.cwd(), port: 3000 })
 * console.log(`Dev server on ${dev.url}`) // edit src/app.ts and request again
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const logger = options.logger ?? { info: console.log, error: console.error }
  let config = await loadConfig(options.root ?? process.cwd(), { configFile: options.configFile })
  let listener: NodeListener = failedListener('The app is starting')
  let app: OpenSpeed<any, any> | undefined
  let runner: AppRunner
  let failed = false
  let queue: Promise<void> = Promise.resolve()
  const pending = new Set<string>()
  let restart = false

  const load = async (what: string): Promise<void> => {
    const started = performance.now()
    try {
      const next = await runner.importApp()
      next.addHook('onError', (error) => {
        if (!isClientError(error)) logger.error(formatError(error, config.root))
      })
      await next.ready()
      const previous = app
      app = next
      listener = toNodeHandler(next)
      failed = false
      await previous?.close()
      logger.info(`[openspeed] ${what} in ${Math.round(performance.now() - started)} ms`)
    } catch (error) {
      failed = true
      // format first: the stack is source-mapped through the modules about to be invalidated
      logger.error(`[openspeed] ${what} failed:\n${formatError(error, config.root)}`)
      await runner.invalidateFailed()
      listener = failedListener(
        stripVTControlCharacters(error instanceof Error ? error.message : String(error)).split('\n')[0]!,
      )
    }
  }

  // the manifest the app imports follows the routes folder; its rewrite is the change that reloads
  const writeRoutes = async (): Promise<void> => {
    if (config.routesDir === undefined) return
    await writeRouteFiles(config.routesDir).catch((error: unknown) =>
      logger.error(`[openspeed] ${(error as Error).message}`),
    )
  }

  const onChange = ({ file, type }: FileChange): void => {
    if (file === config.configFile || file === join(config.root, 'package.json')) restart = true
    else if (type === 'update') {
      if (!runner.invalidate(file) && !failed) return
    } else {
      if (!isSourceFile(file)) return
      if (config.routesDir !== undefined && file.startsWith(config.routesDir + sep)) {
        queue = queue.then(writeRoutes)
        return
      }
      runner.invalidate(config.entry)
    }
    pending.add(file)
    queue = queue.then(apply).catch((error: unknown) => logger.error(formatError(error, config.root)))
  }

  const apply = async (): Promise<void> => {
    if (pending.size === 0) return
    const files = [...pending].map((file) => relative(config.root, file)).join(', ')
    pending.clear()
    if (!restart) return load(`reloaded ${files}`)
    restart = false
    logger.info(`[openspeed] ${files} changed, restarting`)
    await runner.close()
    try {
      config = await loadConfig(config.root, { configFile: options.configFile })
    } catch (error) {
      logger.error(`[openspeed] ${formatError(error, config.root)}`)
    }
    await writeRoutes()
    runner = await createAppRunner(config, onChange)
    await load('restarted')
  }

  if (!existsSync(config.entry)) {
    throw new CliError(
      'OS_ERR_CLI_ENTRY_NOT_FOUND',
      `The entry ${config.entry} does not exist (set "entry" in openspeed.config.ts)`,
    )
  }
  await writeRoutes()
  runner = await createAppRunner(config, onChange)
  await load(`loaded ${basename(config.entry)}`)
  const server: Server = createServer((request, response) => listener(request, response))
  const address = await listen(
    server,
    options.port ?? config.port,
    options.hostname ?? config.hostname,
  ).catch(async (error: unknown) => {
    // nothing may keep the process alive after a failed start (the watcher, the app's resources)
    await runner.close()
    await app?.close()
    throw error
  })
  logger.info(`[openspeed] dev server on ${address.url}`)
  return {
    url: address.url,
    port: address.port,
    settled: () => queue,
    async close() {
      await queue
      await runner.close()
      await app?.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function isClientError(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' && status < 500
}

function failedListener(detail: string): NodeListener {
  return (_request, response) => {
    const body = JSON.stringify({
      type: 'about:blank',
      title: 'The app failed to load',
      status: 500,
      detail: `${detail} (see the terminal running openspeed dev)`,
    })
    response.writeHead(500, {
      'content-type': 'application/problem+json',
      'content-length': Buffer.byteLength(body),
    })
    response.end(body)
  }
}
