import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { pid } from 'node:process'

/** The import specifier for `dir/file` as seen from the module written at `out`. */
export function importSpecifier(out: string, dir: string, file: string): string {
  const path = relative(dirname(resolve(out)), resolve(dir, file))
    .split('\\')
    .join('/')
  return path.startsWith('.') ? path : `./${path}`
}

/** A single-quoted string literal for generated code (the house style, so formatters leave it be). */
export function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`
}

/**
 * Writes a generated file, creating its folder; leaves it untouched when the text is the same.
 * The text goes to a temporary file renamed over the old one, so a dev server watching the file
 * never imports it half-written.
 */
export async function writeGenerated(out: string, text: string): Promise<void> {
  const path = resolve(out)
  const current = await readFile(path, 'utf8').catch(() => null)
  if (current === text) return
  await mkdir(dirname(path), { recursive: true })
  const temporary = join(dirname(path), `.${basename(path)}.${pid}.tmp`)
  await writeFile(temporary, text)
  await rename(temporary, path)
}
