import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { publishablePackages } from '../../scripts/_workspace.mjs'
import { codesInSource, type FoundTable, findErrorTables, tableProblems } from '../src/error-tables.ts'
import { documentedCodes } from '../src/markdown.ts'

// Every package's exported code tables, checked together: each code is OS_ERR_<AREA>_<WHAT>,
// described, listed in its package README's errors table, and owned by one package only.
const packages = await publishablePackages()
const found = new Map<string, { tables: FoundTable[]; importFailures: string[] }>()

beforeAll(async () => {
  for (const pkg of packages) found.set(pkg.name, await findErrorTables(pkg.dir))
})

const codesOf = (name: string): Set<string> =>
  new Set(found.get(name)!.tables.flatMap(({ table }) => Object.keys(table)))

describe('error codes across the repository', () => {
  it.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s: every entry point imports', (_, pkg) => {
    expect(found.get(pkg.name)!.importFailures).toEqual([])
  })

  it.each(packages.map((pkg) => [pkg.name, pkg] as const))(
    '%s: every code is OS_ERR_<AREA>_<WHAT> with a description',
    (_, pkg) => {
      expect(found.get(pkg.name)!.tables.flatMap(tableProblems)).toEqual([])
    },
  )

  it.each(packages.map((pkg) => [pkg.name, pkg] as const))(
    '%s: its README errors table lists exactly its codes',
    (_, pkg) => {
      const documented = documentedCodes(readFileSync(join(pkg.dir, 'README.md'), 'utf8'))
      const codes = codesOf(pkg.name)
      const problems = [
        ...[...codes]
          .filter((code) => !documented.has(code))
          .map((code) => `${code} is missing from ${pkg.path}/README.md (a table row with \`${code}\`)`),
        ...[...documented]
          .filter((code) => !codes.has(code) && !ownerOf(code))
          .map((code) => `${pkg.path}/README.md lists ${code}, which no package's code table has`),
      ]
      expect(problems).toEqual([])
    },
  )

  it.each(packages.map((pkg) => [pkg.name, pkg] as const))(
    '%s: every OS_ERR_ code its source uses is in a code table',
    (_, pkg) => {
      const problems = [...codesInSource(pkg.dir)]
        .filter(([code]) => ownerOf(code) === undefined)
        .map(([code, file]) => `${pkg.path}/${file} uses ${code}, which no exported *ErrorCodes table lists`)
      expect(problems).toEqual([])
    },
  )

  it('no code belongs to two packages (or two tables)', () => {
    const owners = new Map<string, string[]>()
    for (const { tables } of found.values()) {
      for (const { entry, exportName, table } of tables) {
        for (const code of Object.keys(table))
          owners.set(code, [...(owners.get(code) ?? []), `${entry} ${exportName}`])
      }
    }
    const duplicates = [...owners].filter(([, tables]) => tables.length > 1)
    expect(duplicates.map(([code, tables]) => `${code} is in ${tables.join(' and ')}`)).toEqual([])
  })

  it('finds the code tables at all', () => {
    expect(codesOf('@openspeed/core').size).toBeGreaterThan(0)
  })
})

function ownerOf(code: string): string | undefined {
  for (const [name] of found) if (codesOf(name).has(code)) return name
  return undefined
}
