import { planRoutes } from './_plan.ts'
import { normalizePrefix, withPrefix } from './_register.ts'
import { scanFiles } from './_scan.ts'
import type { FileRoutesOptions } from './file-routes.ts'

/**
 * One route file as {@link scanRoutes} reports it.
 *
 * @example
 * // { path: '/users/:id', file: 'users/[id].ts', chain: [{ kind: 'middleware', file: '_middleware.ts' }], errorHandlers: [] }
 */
export interface ScannedRoute {
  /** The URL pattern, prefix included (`/users/:id`, `/docs/*slug`). */
  path: string
  /** The route file, relative to the routes folder. */
  file: string
  /** The `_middleware` and `_layout` files it inherits, in the order they run. */
  chain: { kind: 'middleware' | 'layout'; file: string }[]
  /** The `_error` files that handle its errors, nearest first. */
  errorHandlers: string[]
}

/**
 * Lists the routes a folder yields, from file names alone (no route code runs), sorted the way
 * the router prefers them: static, then parameters, then catch-alls. For tools (`openspeed routes`)
 * and tests. Throws a `FileRouteError` for an invalid name or two files with the same route.
 *
 * @example
 * import { scanRoutes } from '@openspeed/router-fs'
 * for (const route of await scanRoutes({ dir: 'src/routes' })) console.log(route.path, route.file)
 */
export async function scanRoutes(options: FileRoutesOptions): Promise<ScannedRoute[]> {
  const prefix = normalizePrefix(options.prefix)
  const plan = planRoutes(await scanFiles(options.dir), options.extensions)
  return plan.routes.map((route) => ({
    path: withPrefix(prefix, route.pattern),
    file: route.file,
    chain: route.chain.map((step) => ({ ...step })),
    errorHandlers: [...route.errors].reverse(),
  }))
}
