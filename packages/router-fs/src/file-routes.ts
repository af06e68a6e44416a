import type { OpenSpeed } from '@openspeed/core'
import { importFiles } from './_load.ts'
import { planRoutes } from './_plan.ts'
import { normalizePrefix, registerPlan } from './_register.ts'
import { scanFiles } from './_scan.ts'
import type { FileRouteInfo } from './types.ts'

/**
 * Options for {@link fileRoutes}.
 *
 * @example
 * await fileRoutes(app, { dir: 'src/routes', prefix: '/api', extensions: ['.ts'] })
 */
export interface FileRoutesOptions {
  /** The routes folder (absolute, or relative to the working directory). */
  dir: string
  /** Mount the routes under this path (`/api`). Default: the app's root. */
  prefix?: string
  /** File extensions read as modules. Default: `.ts .tsx .mts .js .jsx .mjs`. */
  extensions?: readonly string[]
}

/**
 * Scans a routes folder, imports its files and registers their routes on `app`, on Node, Bun and
 * Deno. Routes are registered once, directly, with their inherited middleware composed into each
 * route's chain: a file route costs the same per request as one registered in code. Await it
 * before serving. Rejects with a `FileRouteError` naming the file for an invalid name, two files
 * with the same route, a file that fails to import or exports the wrong shape.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { fileRoutes } from '@openspeed/router-fs'
 * const app = new OpenSpeed()
 * await fileRoutes(app, { dir: new URL('./routes', import.meta.url).pathname })
 */
export async function fileRoutes(
  app: OpenSpeed<any, any>,
  options: FileRoutesOptions,
): Promise<FileRouteInfo[]> {
  const prefix = normalizePrefix(options.prefix)
  const plan = planRoutes(await scanFiles(options.dir), options.extensions)
  const { modules, failures } = await importFiles(options.dir, plan.files)
  if (failures.length > 0) throw failures[0]
  return registerPlan(app, plan, (file) => modules.get(file)!, prefix)
}
