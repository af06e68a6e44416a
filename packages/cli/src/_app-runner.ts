import { basename, extname } from 'node:path'
import type { OpenSpeed } from '@openspeed/core'
import { createServer, createServerModuleRunner, type Plugin, type ViteDevServer } from 'vite'
import type { ModuleRunner } from 'vite/module-runner'
import { CliError } from './cli-error.ts'
import type { ResolvedConfig } from './config.ts'

type EvaluatedModules = ModuleRunner['evaluatedModules']
type ModuleNode = NonNullable<ReturnType<EvaluatedModules['getModuleById']>>

/** A file change the dev server reacts to. */
export interface FileChange {
  file: string
  type: 'create' | 'update' | 'delete'
}

/** Loads the app's entry through Vite's module runner, and reloads only what changed. */
export interface AppRunner {
  readonly runner: ModuleRunner
  /** Imports the entry (again) and returns its default export, checked to be an app. */
  importApp(): Promise<OpenSpeed<any, any>>
  /** Invalidates `file` and every module importing it; `false` when the app never loaded it. */
  invalidate(file: string): boolean
  /** Invalidates the modules whose evaluation failed, so the next import retries them. */
  invalidateFailed(): Promise<void>
  close(): Promise<void>
}

const scriptExtensions = new Set(['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '.json'])

/** Whether a created or deleted file could change what the app imports (declarations cannot). */
export function isSourceFile(file: string): boolean {
  return scriptExtensions.has(extname(file)) && !basename(file).startsWith('.') && !file.endsWith('.d.ts')
}

/**
 * Starts a Vite server in middleware mode (no port, no WebSocket) with a module runner for the
 * app. With `onChange`, Vite watches the project and reports each changed file; Vite's own HMR
 * messages are dropped, because a full reload would discard every module's state.
 */
export async function createAppRunner(
  config: ResolvedConfig,
  onChange?: (change: FileChange) => void,
): Promise<AppRunner> {
  const reloadPlugin: Plugin = {
    name: 'openspeed:reload',
    hotUpdate({ file, type }) {
      if (this.environment.name !== 'ssr') return
      onChange?.({ file, type })
      return []
    },
  }
  const server: ViteDevServer = await createServer({
    root: config.root,
    configFile: false,
    logLevel: 'silent',
    clearScreen: false,
    appType: 'custom',
    server: {
      middlewareMode: true,
      ws: false,
      watch: onChange === undefined ? null : { ignored: [`${config.outDir}/**`] },
    },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [reloadPlugin],
  })
  const runner = createServerModuleRunner(server.environments.ssr, {
    hmr: false,
    sourcemapInterceptor: 'prepareStackTrace',
  })
  const modules = runner.evaluatedModules

  const invalidateTree = (node: ModuleNode, seen: Set<string>): void => {
    if (seen.has(node.id)) return
    seen.add(node.id)
    modules.invalidateModule(node)
    for (const id of node.importers) {
      const importer = modules.getModuleById(id)
      if (importer !== undefined) invalidateTree(importer, seen)
    }
  }

  return {
    runner,
    async importApp() {
      const exports = (await runner.import(config.entry)) as { default?: unknown }
      const app = exports.default
      if (!isApp(app)) {
        throw new CliError(
          'OS_ERR_CLI_ENTRY_INVALID',
          `${config.entry} must \`export default\` an OpenSpeed app (new OpenSpeed()), got ${describe(app)}`,
        )
      }
      return app
    },
    invalidate(file) {
      const nodes = modules.getModulesByFile(file)
      if (nodes === undefined || nodes.size === 0) return false
      const seen = new Set<string>()
      for (const node of nodes) invalidateTree(node, seen)
      return true
    },
    async invalidateFailed() {
      const failed: ModuleNode[] = []
      await Promise.all(
        [...modules.idToModuleMap.values()].map((node) =>
          node.promise?.then(
            () => undefined,
            () => failed.push(node),
          ),
        ),
      )
      for (const node of failed) modules.invalidateModule(node)
    },
    async close() {
      await runner.close()
      await server.close()
    },
  }
}

function isApp(value: unknown): value is OpenSpeed<any, any> {
  if (typeof value !== 'object' || value === null) return false
  const app = value as Record<string, unknown>
  return ['fetch', 'handle', 'routes', 'ready', 'close'].every((key) => typeof app[key] === 'function')
}

function describe(value: unknown): string {
  if (value === undefined) return 'no default export'
  if (value === null) return 'null'
  return typeof value === 'object'
    ? `an object with keys ${Object.keys(value).join(', ') || '(none)'}`
    : `a ${typeof value}`
}
