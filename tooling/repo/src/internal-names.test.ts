import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { entryFiles, exportsOf, internalNameProblems } from './internal-names.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A throwaway package: `exports` for package.json, and its source files. */
function fixturePackage(exports: Record<string, unknown>, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'openspeed-internal-names-'))
  dirs.push(dir)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@fixture/pkg', exports }))
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  return dir
}

const root = { '.': { '@openspeed/source': './src/index.ts', default: './dist/index.js' } }

describe('internalNameProblems', () => {
  it('accepts a package whose entry passes on only public files', () => {
    const dir = fixturePackage(root, {
      'src/index.ts': "export { run, type RunOptions } from './run.ts'\nexport * from './all.ts'\n",
      'src/run.ts':
        "import { helper } from './_helper.ts'\nexport interface RunOptions {}\nexport const run = () => helper()\n",
      'src/all.ts': 'export const a = 1\nexport function b() {}\n',
      'src/_helper.ts': 'export const helper = () => 1\n',
      'src/run.test.ts': 'export const unused = 1\n',
      'src/run.case.ts': 'export const unused = 1\n',
    })
    expect(internalNameProblems(dir, '@fixture/pkg')).toEqual([])
  })

  it('names the package, the internal file and the name an entry re-exports from it', () => {
    const dir = fixturePackage(root, {
      'src/index.ts': "export type { Options } from './_options.ts'\n",
      'src/_options.ts': 'export interface Options {}\nexport const internal = 1\n',
    })
    expect(internalNameProblems(dir, '@fixture/pkg')).toEqual([
      '@fixture/pkg: src/_options.ts is internal but an entry point re-exports Options from it',
    ])
  })

  it('follows a name through public files, and through import-then-export', () => {
    const dir = fixturePackage(root, {
      'src/index.ts': "export { Server, serve } from './serve.ts'\n",
      'src/serve.ts':
        "import { serve } from './_serve.ts'\nexport type { Server } from './_server.ts'\nexport { serve }\n",
      'src/_serve.ts': 'export const serve = () => {}\n',
      'src/_server.ts': 'export interface Server {}\n',
    })
    expect(internalNameProblems(dir, '@fixture/pkg')).toEqual([
      '@fixture/pkg: src/_server.ts is internal but an entry point re-exports Server from it',
      '@fixture/pkg: src/_serve.ts is internal but an entry point re-exports serve from it',
    ])
  })

  it('names a public file that exports what no entry point re-exports', () => {
    const dir = fixturePackage(root, {
      'src/index.ts': "export { run } from './run.ts'\nexport const version = '1'\n",
      'src/run.ts': 'export function run() {}\nexport function runHelper() {}\nexport default run\n',
      'src/main.ts': 'export default function main() {}\n',
      'src/other.ts': "export { helper } from './_helper.ts'\n",
      'src/_helper.ts': 'export const helper = 1\n',
    })
    expect(internalNameProblems(dir, '@fixture/pkg')).toEqual([
      '@fixture/pkg: src/main.ts is public but exports default, which no entry point re-exports',
      '@fixture/pkg: src/other.ts is public but exports helper, which no entry point re-exports',
      '@fixture/pkg: src/run.ts is public but exports runHelper, which no entry point re-exports',
      '@fixture/pkg: src/run.ts is public but exports default, which no entry point re-exports',
    ])
  })
})

describe('entryFiles', () => {
  it('reads @openspeed/source files and the src file behind other conditions', () => {
    const dir = fixturePackage(
      {
        '.': {
          '@openspeed/source': './src/index.ts',
          types: './dist/index.d.ts',
          default: './dist/index.js',
        },
        './gzip': { '@openspeed/source': './src/gzip/index.ts', node: './dist/gzip/node.js' },
        './package.json': './package.json',
        './missing': { default: './dist/missing.js' },
      },
      { 'src/index.ts': '', 'src/gzip/index.ts': '', 'src/gzip/node.ts': '' },
    )
    expect(entryFiles(dir)).toEqual(['src/index.ts', 'src/gzip/index.ts', 'src/gzip/node.ts'])
  })
})

describe('exportsOf', () => {
  it('keeps names from other packages as bare specifiers and skips destructured variables', () => {
    const dir = fixturePackage(root, {
      'src/index.ts':
        "import { a } from '@scope/other'\nexport { a }\nexport const { b } = { b: 1 }\nexport enum Mode { On }\n",
    })
    expect(exportsOf(dir, 'src/index.ts')).toEqual({
      declared: ['Mode'],
      reexports: [{ from: '@scope/other', names: ['a'] }],
    })
  })
})
