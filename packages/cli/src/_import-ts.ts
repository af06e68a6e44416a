import { rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

/**
 * Imports a TypeScript module on plain Node: bundles its own files with esbuild (packages stay
 * imports), writes the result beside it so `node_modules` resolve as usual, imports it, removes it.
 */
export async function importTypeScript(file: string): Promise<unknown> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    sourcemap: 'inline',
  })
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.mjs`)
  writeFileSync(temporary, result.outputFiles[0]!.text)
  try {
    return await import(pathToFileURL(temporary).href)
  } finally {
    rmSync(temporary, { force: true })
  }
}
