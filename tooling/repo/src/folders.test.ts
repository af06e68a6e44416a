import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { childFolders, sourceFiles } from './folders.ts'

const here = fileURLToPath(new URL('.', import.meta.url))
const fixture = fileURLToPath(new URL('../test/fixtures/tables', import.meta.url))

it('lists child folders without the ones git ignores', () => {
  expect(childFolders(fileURLToPath(new URL('..', import.meta.url)))).toEqual(['src', 'test'])
  expect(childFolders(here)).toEqual([])
})

it('lists source files without tests', () => {
  expect(sourceFiles(here)).toEqual(['error-tables.ts', 'folders.ts', 'internal-names.ts', 'markdown.ts'])
  expect(sourceFiles(`${fixture}/src`)).toEqual(['index.ts'])
})

it('fails with the reason outside a git work tree', () => {
  expect(() => childFolders('/proc/self')).toThrow(/git check-ignore failed in \/proc\/self/)
})
