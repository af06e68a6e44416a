import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'

/** One exported error-code table: where it came from, and its entries. */
export interface FoundTable {
  /** `@openspeed/cli` or `@openspeed/client/openapi`. */
  entry: string
  exportName: string
  table: Record<string, unknown>
}

/** What {@link findErrorTables} found in one package. */
export interface PackageTables {
  tables: FoundTable[]
  /** Entry points that failed to import, with the reason. */
  importFailures: string[]
}

interface Manifest {
  name: string
  exports?: Record<string, string | Record<string, string>>
}

const kTableName = /(?:^e|E)rrorCodes$/

/**
 * Imports every entry point of a package from source (the `@openspeed/source` file of each
 * `exports` entry) and returns each export whose name ends in `ErrorCodes` / `errorCodes`. A table
 * exported from two entries is returned once.
 *
 * @example
 * const { tables } = await findErrorTables('/repo/packages/cli')
 */
export async function findErrorTables(dir: string): Promise<PackageTables> {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest
  const tables: FoundTable[] = []
  const importFailures: string[] = []
  const seen = new Set<unknown>()
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const source = typeof target === 'string' ? undefined : target['@openspeed/source']
    if (source === undefined) continue
    const entry = subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`
    let module: Record<string, unknown>
    try {
      module = await import(pathToFileURL(join(dir, source)).href)
    } catch (error) {
      importFailures.push(`${entry} (${source}) failed to import: ${(error as Error).message}`)
      continue
    }
    for (const [exportName, table] of Object.entries(module)) {
      if (!kTableName.test(exportName) || seen.has(table)) continue
      seen.add(table)
      tables.push({ entry, exportName, table: table as Record<string, unknown> })
    }
  }
  return { tables, importFailures }
}

/**
 * What is wrong with one table's entries: a code not shaped `OS_ERR_<AREA>_<WHAT>`, an entry that
 * is not `{ status?, exitCode?, description }`, an empty description, a status outside 100-599 or
 * an exit code that is not an integer from 1 to 255.
 *
 * @example
 * tableProblems(found) // ['@openspeed/cli cliErrorCodes.OS_ERR_CLI_USAGE: no description']
 */
export function tableProblems({ entry, exportName, table }: FoundTable): string[] {
  const problems: string[] = []
  const where = (code: string): string => `${entry} ${exportName}.${code}`
  if (typeof table !== 'object' || table === null) return [`${entry} ${exportName} is not an object`]
  for (const [code, info] of Object.entries(table)) {
    if (!/^OS_ERR_[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(code))
      problems.push(`${where(code)}: not OS_ERR_<AREA>_<WHAT> (capitals, digits, underscores)`)
    if (typeof info !== 'object' || info === null) {
      problems.push(`${where(code)}: not an { status?, exitCode?, description } entry`)
      continue
    }
    const { status, exitCode, description, ...extra } = info as Record<string, unknown>
    if (typeof description !== 'string' || description.trim() === '')
      problems.push(`${where(code)}: no description`)
    if (
      status !== undefined &&
      !(Number.isInteger(status) && (status as number) >= 100 && (status as number) < 600)
    )
      problems.push(
        `${where(code)}: status ${String(status)} is not an HTTP status (leave it out for a code no client sees)`,
      )
    if (
      exitCode !== undefined &&
      !(Number.isInteger(exitCode) && (exitCode as number) >= 1 && (exitCode as number) < 256)
    )
      problems.push(`${where(code)}: exitCode ${String(exitCode)} is not a failing exit status`)
    for (const key of Object.keys(extra)) problems.push(`${where(code)}: unknown field ${key}`)
  }
  return problems
}

/**
 * Every `OS_ERR_…` literal in a package's shipped source (`src/`, tests and comments excluded),
 * with the file it is in (relative to `dir`).
 *
 * @example
 * codesInSource('/repo/packages/cli') // Map { 'OS_ERR_CLI_USAGE' => 'src/cli.ts', ... }
 */
export function codesInSource(dir: string): Map<string, string> {
  const codes = new Map<string, string>()
  const files = readdirSync(join(dir, 'src'), { recursive: true, encoding: 'utf8' })
  for (const file of files.sort()) {
    if (!/\.ts$/.test(file) || /\.test(?:-d)?\.ts$/.test(file)) continue
    const path = join(dir, 'src', file)
    // comments hold examples (a made-up package's code), not codes the package raises
    const text = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '')
    for (const [code] of text.matchAll(/\bOS_ERR_[A-Z0-9_]*[A-Z0-9]\b/g)) {
      if (!codes.has(code)) codes.set(code, relative(dir, path))
    }
  }
  return codes
}
