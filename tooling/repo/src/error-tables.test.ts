import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { codesInSource, findErrorTables, tableProblems } from './error-tables.ts'

const dir = fileURLToPath(new URL('../test/fixtures/tables', import.meta.url))

it('finds each table once across entry points, and reports entries that fail to import', async () => {
  const { tables, importFailures } = await findErrorTables(dir)
  expect(tables.map(({ entry, exportName }) => `${entry} ${exportName}`)).toEqual([
    '@fx/tables fxErrorCodes',
    '@fx/tables brokenErrorCodes',
  ])
  expect(importFailures).toEqual([
    expect.stringMatching(/^@fx\/tables\/broken \(\.\/src\/missing\.ts\) failed to import: /),
  ])
})

it('names every mistake in a table, and none in a good one', async () => {
  const [good, broken] = (await findErrorTables(dir)).tables
  expect(tableProblems(good!)).toEqual([])
  expect(tableProblems(broken!)).toEqual([
    '@fx/tables brokenErrorCodes.os_err_lower: not OS_ERR_<AREA>_<WHAT> (capitals, digits, underscores)',
    '@fx/tables brokenErrorCodes.OS_ERR_FX_NOT_AN_OBJECT: not an { status?, exitCode?, description } entry',
    '@fx/tables brokenErrorCodes.OS_ERR_FX_EMPTY: no description',
    '@fx/tables brokenErrorCodes.OS_ERR_FX_EMPTY: status 0 is not an HTTP status (leave it out for a code no client sees)',
    '@fx/tables brokenErrorCodes.OS_ERR_FX_EMPTY: exitCode 0 is not a failing exit status',
    '@fx/tables brokenErrorCodes.OS_ERR_FX_EMPTY: unknown field extra',
  ])
  expect(tableProblems({ entry: '@fx/tables', exportName: 'nullErrorCodes', table: null as never })).toEqual([
    '@fx/tables nullErrorCodes is not an object',
  ])
})

it('collects the codes a package uses outside comments', () => {
  expect(Object.fromEntries(codesInSource(dir))).toEqual({
    OS_ERR_FX_GOOD: 'src/index.ts',
    OS_ERR_FX_NOT_AN_OBJECT: 'src/index.ts',
    OS_ERR_FX_EMPTY: 'src/index.ts',
    OS_ERR_FX_THROWN: 'src/index.ts',
  })
})
