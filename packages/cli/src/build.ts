import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { type BuildFailure, build } from 'esbuild'
import { writeRouteFiles } from './_route-files.ts'
import { targets } from './_targets.ts'
import { CliError } from './cli-error.ts'
import { loadConfig, type ResolvedConfig, type Runtime } from './config.ts'

/** Options for {@link buildApp}. */
export interface BuildOptions {
  /** Project folder. Default `process.cwd()`. */
  root?: string
  /** Config file, relative to `root`. */
  configFile?: string
  /** Overrides the config's runtime. */
  runtime?: Runtime
}

/** What {@link buildApp} wrote. */
export interface BuildResult {
  runtime: Runtime
  /** Absolute path of the bundle. */
  outFile: string
  config: ResolvedConfig
}

/**
 * Bundles the app for its runtime with esbuild: the entry plus a small wrapper that hands it to the
 * runtime's adapter (Node, Bun, Deno: its `serve()` on `PORT`/`HOST`; Workers: `handle()`;
 * Vercel, Lambda: `handle()`), so connection info and shutdown are the adapter's, with
 * every dependency inlined except `external` ones, minified syntax off so stacks stay readable.
 * With `routesDir`, the routes manifest and route types are written first, so the bundle holds
 * every route file.
 *
 * @example
 * import { buildApp } from '@openspeed/cli'
 * const { outFile } = await buildApp({ root: process.cwd() })
 * console.log(outFile) // /app/dist/server.js, run it with `node dist/server.js`
 */
export async function buildApp(options: BuildOptions = {}): Promise<BuildResult> {
  const loaded = await loadConfig(options.root ?? process.cwd(), { configFile: options.configFile })
  const config = { ...loaded, runtime: options.runtime ?? loaded.runtime }
  if (!existsSync(config.entry)) {
    throw new CliError(
      'OS_ERR_CLI_ENTRY_NOT_FOUND',
      `The entry ${config.entry} does not exist (set "entry" in openspeed.config.ts)`,
    )
  }
  // the entry imports the manifest, so the bundle holds every route file with no folder to scan
  if (config.routesDir !== undefined) await writeRouteFiles(config.routesDir)
  const target = targets[config.runtime]
  const outFile = join(config.outDir, target.outFile)
  rmSync(config.outDir, { recursive: true, force: true })
  mkdirSync(config.outDir, { recursive: true })
  try {
    await build({
      stdin: {
        contents: target.wrapper(config.entry, config),
        resolveDir: config.root,
        sourcefile: 'openspeed-entry.js',
        loader: 'js',
      },
      absWorkingDir: config.root,
      bundle: true,
      outfile: outFile,
      format: 'esm',
      platform: target.platform,
      target: 'es2022',
      conditions: target.conditions,
      mainFields: target.platform === 'node' ? ['module', 'main'] : ['module', 'browser', 'main'],
      external: [...target.external, ...config.external],
      // CommonJS dependencies that call require() need one in an ES module bundle
      banner:
        target.platform === 'node'
          ? {
              js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
            }
          : {},
      sourcemap: true,
      logLevel: 'silent',
      metafile: false,
    })
  } catch (error) {
    const messages = (error as BuildFailure).errors ?? []
    const detail = messages
      .map((message) => {
        const where =
          message.location === null
            ? ''
            : `${message.location.file}:${message.location.line}:${message.location.column}: `
        return `  ${where}${message.text}`
      })
      .join('\n')
    // the wrapper imports the runtime's adapter, which the project itself must install
    const missingAdapter = messages.some(
      (message) => message.text === `Could not resolve "${target.adapter}"`,
    )
    const hint = missingAdapter
      ? `\n${config.runtime} builds need ${target.adapter}: install it in the project`
      : ''
    throw new CliError(
      'OS_ERR_CLI_BUILD_FAILED',
      `The build for ${config.runtime} failed:\n${detail || (error as Error).message}${hint}`,
      { cause: error },
    )
  }
  writeFileSync(
    join(config.outDir, 'openspeed-build.json'),
    `${JSON.stringify({ runtime: config.runtime, outFile: relative(config.outDir, outFile) }, null, 2)}\n`,
  )
  return { runtime: config.runtime, outFile, config }
}
