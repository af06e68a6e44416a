import { readdir, realpath, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { FileRouteError } from './errors.ts'

function notFound(dir: string, cause?: unknown): FileRouteError {
  return new FileRouteError(
    'OS_ERR_ROUTER_FS_DIR_NOT_FOUND',
    `The routes directory ${dir} does not exist or is not a directory`,
    {
      cause,
    },
  )
}

/**
 * Lists every file under `dir`, relative and with `/` separators, sorted. Follows symlinked
 * folders and files (a link back to one of its own parent folders is skipped, so a loop cannot
 * hang the scan); skips dot entries, `node_modules` and private (`_`) folders.
 */
export async function scanFiles(dir: string): Promise<string[]> {
  const root = resolve(dir)
  try {
    if (!(await stat(root)).isDirectory()) throw notFound(root)
  } catch (error) {
    throw FileRouteError.isInstance(error) ? error : notFound(root, error)
  }
  const files: string[] = []
  const visit = async (absolute: string, relative: string, parents: ReadonlySet<string>): Promise<void> => {
    const real = await realpath(absolute)
    if (parents.has(real)) return
    const within = new Set(parents).add(real)
    for (const entry of await readdir(absolute, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const childAbsolute = join(absolute, entry.name)
      const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`
      let isDirectory = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        const target = await stat(childAbsolute).catch(() => null)
        if (target === null) continue // a dangling link yields nothing
        isDirectory = target.isDirectory()
        isFile = target.isFile()
      }
      if (isDirectory && !entry.name.startsWith('_')) await visit(childAbsolute, childRelative, within)
      else if (isFile) files.push(childRelative)
    }
  }
  await visit(root, '', new Set())
  return files.sort()
}
