import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A temporary routes folder with the given files (path -> source); `cleanup()` removes it. */
export async function tmpRoutes(files: Record<string, string>): Promise<{
  dir: string
  write: (file: string, text: string) => Promise<void>
  cleanup: () => Promise<void>
}> {
  const dir = await mkdtemp(join(tmpdir(), 'router-fs-'))
  const write = async (file: string, text: string): Promise<void> => {
    await mkdir(dirname(join(dir, file)), { recursive: true })
    await writeFile(join(dir, file), text)
  }
  for (const [file, text] of Object.entries(files)) await write(file, text)
  return { dir, write, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** A route file answering GET with a text. */
export const textRoute = (text: string): string => `export const GET = () => ${JSON.stringify(text)}\n`
