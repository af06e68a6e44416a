import { type FSWatcher, watch } from 'node:fs'
import type { OpenSpeed } from '@openspeed/core'
import { createInnerApp, delegateTo } from './_delegate.ts'
import { checkErrorHandler, checkLayout, checkMiddleware, checkRouteModule } from './_exports.ts'
import { importFiles } from './_load.ts'
import { planRoutes, type RoutePlan } from './_plan.ts'
import { normalizePrefix, registerPlan } from './_register.ts'
import { scanFiles } from './_scan.ts'
import type { FileRouteError } from './errors.ts'
import type { FileRoutesOptions } from './file-routes.ts'
import { generateRouteTypes } from './generate-types.ts'
import type { FileRouteInfo } from './types.ts'

/**
 * The routes being served after a (re)load, and the problems found in the folder.
 *
 * @example
 * const { routes, errors } = await router.reload()
 */
export interface FileRouterState {
  routes: FileRouteInfo[]
  /** Files that failed to import or export the wrong shape (their routes answer 500), or the
   * folder-wide problem (duplicate route, invalid name) that kept the previous routes in place. */
  errors: Error[]
}

/**
 * Options for {@link watchFileRoutes}.
 *
 * @example
 * await watchFileRoutes(app, { dir: 'src/routes', debounce: 100, typesOut: 'src/routes.d.ts' })
 */
export interface WatchFileRoutesOptions extends FileRoutesOptions {
  /** Watch the folder and reload on every change. Default `true`; `false` reloads only on `reload()`. */
  watch?: boolean
  /** Milliseconds to wait for more changes before reloading. Default 50. */
  debounce?: number
  /** Regenerate the route types (see `generateRouteTypes`) at this path on every reload. */
  typesOut?: string
  /** Called after every reload, including the first. */
  onChange?: (state: FileRouterState) => void
  /** Builds each inner app (to pass `OpenSpeedOptions` such as `bodyLimit`). Default `new OpenSpeed()`. */
  createApp?: () => OpenSpeed<any, any>
}

/**
 * A development router: the current routes, a manual `reload()`, and `close()` for the watcher.
 *
 * @example
 * const router = await watchFileRoutes(app, { dir: 'src/routes', watch: false })
 * await router.reload()
 * router.close()
 */
export interface FileRouter extends FileRouterState {
  /** Rescans the folder and swaps the routes in; concurrent calls run one after another. */
  reload(): Promise<FileRouterState>
  /** Stops watching. */
  close(): void
}

type Modules = Map<string, Record<string, unknown>>

/** Replaces every module that failed to import or has the wrong shape with one whose code throws. */
function quarantine(plan: RoutePlan, modules: Modules, failures: FileRouteError[]): Error[] {
  const errors: Error[] = [...failures]
  const failing = (error: FileRouteError) => ({
    default: () => {
      throw error
    },
  })
  for (const error of failures) modules.set(error.file!, failing(error))
  const check = (file: string, run: (module: Record<string, unknown>) => unknown): void => {
    try {
      run(modules.get(file)!)
    } catch (error) {
      errors.push(error as FileRouteError)
      modules.set(file, failing(error as FileRouteError))
    }
  }
  const seen = new Set(failures.map((error) => error.file))
  for (const route of plan.routes) {
    const files: [string, (module: Record<string, unknown>) => unknown][] = [
      [route.file, (module) => checkRouteModule(route.file, module)],
      ...route.chain.map((step): [string, (module: Record<string, unknown>) => unknown] => [
        step.file,
        (module) => (step.kind === 'middleware' ? checkMiddleware : checkLayout)(step.file, module),
      ]),
      ...route.errors.map((file): [string, (module: Record<string, unknown>) => unknown] => [
        file,
        (module) => checkErrorHandler(file, module),
      ]),
    ]
    for (const [file, run] of files) {
      if (seen.has(file)) continue
      seen.add(file)
      check(file, run)
    }
  }
  return errors
}

/**
 * Development routing: registers one catch-all on `app` that forwards to an inner app holding the
 * file routes, and swaps that inner app whenever a file is added, removed, renamed or edited, with
 * no restart. A file that fails to import keeps the other routes working (its route answers 500
 * and the error, naming the file, is in `errors`); a folder-wide problem keeps the previous routes.
 * Use it only in development: the forwarding costs a Web `Request` per request, which
 * `fileRoutes()` (production) does not.
 *
 * @example
 * import { watchFileRoutes } from '@openspeed/router-fs'
 * const router = await watchFileRoutes(app, {
 *   dir: 'src/routes',
 *   typesOut: 'src/routes.d.ts',
 *   onChange: ({ routes, errors }) => console.log(`${routes.length} routes`, ...errors),
 * })
 * // later: router.close()
 */
export async function watchFileRoutes(
  app: OpenSpeed<any, any>,
  options: WatchFileRoutesOptions,
): Promise<FileRouter> {
  const prefix = normalizePrefix(options.prefix)
  let current = createInnerApp(options.createApp)
  let version = 0
  let queue: Promise<unknown> = Promise.resolve()
  const router: FileRouter = {
    routes: [],
    errors: [],
    reload: () => {
      const next = queue.then(load)
      queue = next.catch(() => {})
      return next
    },
    close: () => {
      watcher?.close()
      clearTimeout(timer)
    },
  }
  const load = async (): Promise<FileRouterState> => {
    version += 1
    try {
      const plan = planRoutes(await scanFiles(options.dir), options.extensions)
      const { modules, failures } = await importFiles(options.dir, plan.files, `?v=${version}`)
      const errors = quarantine(plan, modules, failures)
      const inner = createInnerApp(options.createApp)
      router.routes = registerPlan(inner, plan, (file) => modules.get(file)!, prefix)
      router.errors = errors
      current = inner
    } catch (error) {
      router.errors = [error as Error]
    }
    if (options.typesOut !== undefined) {
      await generateRouteTypes({ ...options, out: options.typesOut }).catch(() => {})
    }
    const state = { routes: router.routes, errors: router.errors }
    options.onChange?.(state)
    return state
  }
  app.all(
    prefix === '' ? '/*' : `${prefix}/*`,
    delegateTo(() => current),
  )
  await router.reload()
  let watcher: FSWatcher | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  if (options.watch !== false) {
    watcher = watch(options.dir, { recursive: true }, () => {
      clearTimeout(timer)
      timer = setTimeout(() => void router.reload(), options.debounce ?? 50)
    })
    watcher.on('error', () => {})
  }
  return router
}
