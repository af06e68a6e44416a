import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { assertPortFree } from './_listen.ts'
import { targets } from './_targets.ts'
import { CliError } from './cli-error.ts'
import { loadConfig, type Runtime } from './config.ts'

/** Options for {@link startBuild}. */
export interface StartOptions {
  /** Project folder. Default `process.cwd()`. */
  root?: string
  /** Config file, relative to `root`. */
  configFile?: string
  /** Overrides the config's port (passed as `PORT`). */
  port?: number
  /** Overrides the config's hostname (passed as `HOST`). */
  hostname?: string
  /** Stops the server (SIGTERM) when aborted. */
  signal?: AbortSignal
}

/**
 * Runs what `openspeed build` wrote with the runtime it was built for (`node dist/server.js`,
 * `bun run`, `deno run`), passing `PORT`/`HOST` and `NODE_ENV=production` (unless `NODE_ENV` is
 * set), and resolves with the server's exit code.
 * SIGINT and SIGTERM are forwarded, so the server shuts down gracefully.
 *
 * @example
 * import { buildApp, startBuild } from '@openspeed/cli'
 * await buildApp()
 * process.exitCode = await startBuild({ port: 8080 })
 */
export async function startBuild(options: StartOptions = {}): Promise<number> {
  const config = await loadConfig(options.root ?? process.cwd(), { configFile: options.configFile })
  const manifestFile = join(config.outDir, 'openspeed-build.json')
  if (!existsSync(manifestFile)) {
    throw new CliError(
      'OS_ERR_CLI_BUILD_MISSING',
      `No build in ${config.outDir}: run \`openspeed build\` first`,
    )
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { runtime: Runtime; outFile: string }
  const start = targets[manifest.runtime].start
  if (typeof start === 'string') throw new CliError('OS_ERR_CLI_START_UNSUPPORTED', start)
  const port = options.port ?? config.port
  const hostname = options.hostname ?? config.hostname
  await assertPortFree(port, hostname)
  const { command, args } = start(join(config.outDir, manifest.outFile))
  const child = spawn(command, args, {
    cwd: config.root,
    stdio: 'inherit',
    env: {
      ...process.env,
      // production unless the user chose otherwise: development-only checks (validateResponses) stay off
      NODE_ENV: process.env.NODE_ENV || 'production',
      PORT: String(port),
      ...(hostname === undefined ? {} : { HOST: hostname }),
    },
  })
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal)
  }
  process.on('SIGINT', forward).on('SIGTERM', forward)
  options.signal?.addEventListener('abort', () => child.kill('SIGTERM'), { once: true })
  try {
    return await new Promise<number>((resolve, reject) => {
      child.once('error', (error) =>
        reject(
          new CliError('OS_ERR_CLI_START_UNSUPPORTED', `Could not run ${command}: ${error.message}`, {
            cause: error,
          }),
        ),
      )
      child.once('exit', (code, signal) =>
        resolve(code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1)),
      )
    })
  } finally {
    process.off('SIGINT', forward).off('SIGTERM', forward)
  }
}
