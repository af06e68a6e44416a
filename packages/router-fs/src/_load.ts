import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { FileRouteError } from './errors.ts'

/** The modules of route files, and a `FileRouteError` for each file that failed to import. */
export interface LoadedModules {
  modules: Map<string, Record<string, unknown>>
  failures: FileRouteError[]
}

function reasonOf(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
}

/**
 * Imports route-relative files from `dir`, in parallel. `search` is appended to each URL
 * (`?v=3`) so that a reload in development gets fresh modules.
 */
export async function importFiles(
  dir: string,
  files: readonly string[],
  search = '',
): Promise<LoadedModules> {
  const root = resolve(dir)
  const results = await Promise.allSettled(
    files.map(
      (file) => import(pathToFileURL(join(root, file)).href + search) as Promise<Record<string, unknown>>,
    ),
  )
  const modules = new Map<string, Record<string, unknown>>()
  const failures: FileRouteError[] = []
  results.forEach((result, index) => {
    const file = files[index]!
    if (result.status === 'fulfilled') modules.set(file, result.value)
    else {
      failures.push(
        new FileRouteError(
          'OS_ERR_ROUTER_FS_IMPORT_FAILED',
          `${file}: could not be imported (${reasonOf(result.reason)})`,
          {
            file,
            cause: result.reason,
          },
        ),
      )
    }
  })
  return { modules, failures }
}
