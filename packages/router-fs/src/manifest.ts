import type { OpenSpeed } from '@openspeed/core'
import { planRoutes } from './_plan.ts'
import { normalizePrefix, registerPlan } from './_register.ts'
import { FileRouteError } from './errors.ts'
import type { FileRouteInfo, RouteManifest } from './types.ts'

export { FileRouteError, type FileRouteErrorCode, fileRouteErrorCodes } from './errors.ts'
export type {
  FileRouteInfo,
  FolderErrorHandler,
  FolderMiddleware,
  Layout,
  LayoutVariablesOf,
  MethodSchemas,
  RouteHandler,
  RouteInput,
  RouteManifest,
  RouteMethodName,
  RouteMethodsOf,
  RouteModule,
  RouteParamsOf,
  RouteSchemas,
} from './types.ts'

/**
 * Options for {@link applyRouteManifest}.
 *
 * @example
 * applyRouteManifest(app, routes, { prefix: '/api' })
 */
export interface ApplyRouteManifestOptions {
  /** Mount the routes under this path (`/api`). Default: the app's root. */
  prefix?: string
}

/**
 * Registers the routes of a manifest written by `buildRouteManifest()`: the same routes, in the
 * same order and with the same inheritance as `fileRoutes()` on the folder, but with no file
 * system access, so it runs on Cloudflare Workers, edge runtimes and in Lambda bundles. Synchronous
 * (no top-level await needed). Throws a {@link FileRouteError} for the same mistakes.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { applyRouteManifest } from '@openspeed/router-fs/manifest'
 * import routes from './routes.manifest.ts' // written by buildRouteManifest()
 * const app = new OpenSpeed()
 * applyRouteManifest(app, routes)
 * export default app
 */
export function applyRouteManifest(
  app: OpenSpeed<any, any>,
  manifest: RouteManifest,
  options: ApplyRouteManifestOptions = {},
): FileRouteInfo[] {
  const files = Object.keys(manifest)
  // the manifest lists exactly the files to use; their own extensions are the ones to strip
  const extensions = [...new Set(files.map((file) => file.slice(file.lastIndexOf('.'))))]
  const plan = planRoutes(files, extensions)
  return registerPlan(
    app,
    plan,
    (file) => {
      const module = manifest[file]
      if (module === undefined) {
        throw new FileRouteError('OS_ERR_ROUTER_FS_IMPORT_FAILED', `${file}: missing from the manifest`, {
          file,
        })
      }
      return module as Record<string, unknown>
    },
    normalizePrefix(options.prefix),
  )
}
