import { relative } from 'node:path'
import { buildRouteManifest, generateRouteTypes, scanRoutes } from '@openspeed/router-fs'
import { CliError } from './cli-error.ts'

/** The files generated from a routes folder, beside it: `src/routes.manifest.ts`, `src/routes.d.ts`. */
export interface RouteFiles {
  /** The manifest the app imports (`applyRouteManifest(app, routes)`). */
  manifest: string
  /** The route types (`FileRoutes`, `RouteParams<'/users/:id'>`). */
  types: string
}

/** Where the manifest and the route types of `routesDir` are written. */
export function routeFilesOf(routesDir: string): RouteFiles {
  return { manifest: `${routesDir}.manifest.ts`, types: `${routesDir}.d.ts` }
}

/**
 * Writes the manifest and the route types of a routes folder (each only when its text changes).
 * Invalid names, two files with one route or a missing folder become `OS_ERR_CLI_ROUTES_INVALID`.
 */
export async function writeRouteFiles(routesDir: string): Promise<RouteFiles> {
  const files = routeFilesOf(routesDir)
  try {
    await buildRouteManifest({ dir: routesDir, out: files.manifest })
    await generateRouteTypes({ dir: routesDir, out: files.types })
  } catch (error) {
    // router-fs names the file in its message; its stack would say nothing more
    throw new CliError(
      'OS_ERR_CLI_ROUTES_INVALID',
      `The routes folder is invalid: ${(error as Error).message}`,
    )
  }
  return files
}

/** The source file of every file route, by URL pattern, relative to `root`. */
export async function fileRouteSources(routesDir: string, root: string): Promise<Map<string, string>> {
  const routes = await scanRoutes({ dir: routesDir })
  return new Map(routes.map((route) => [route.path, relative(root, `${routesDir}/${route.file}`)]))
}
