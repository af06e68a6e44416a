import { readdirSync, readFileSync } from 'node:fs'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const src = new URL('../src/', import.meta.url)
const entries = ['index.ts', 'adapter.ts', 'tools.ts']

function sourceFiles(): string[] {
  const files: string[] = []
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue
    if (/\.(test|test-d|case)\.ts$/.test(entry.name)) continue
    const dir = entry.parentPath.slice(new URL(src).pathname.length)
    files.push(dir === '' ? entry.name : `${dir}/${entry.name}`)
  }
  return files
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(new URL(file, src), 'utf8'), ts.ScriptTarget.Latest)
}

/** The names a file declares with `export`, and its `export ... from` re-exports. */
function exportsOf(file: string): { declared: string[]; reexports: { from: string; names: string[] }[] } {
  const declared: string[] = []
  const reexports: { from: string; names: string[] }[] = []
  for (const statement of parse(file).statements) {
    if (ts.isExportDeclaration(statement)) {
      const names =
        statement.exportClause && ts.isNamedExports(statement.exportClause)
          ? statement.exportClause.elements.map((element) => (element.propertyName ?? element.name).text)
          : ['*']
      if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        reexports.push({ from: statement.moduleSpecifier.text, names })
      } else declared.push(...names)
      continue
    }
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined
    if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        declared.push((declaration.name as ts.Identifier).text)
    } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      declared.push((statement.name as ts.Identifier).text)
    }
  }
  return { declared, reexports }
}

function resolve(from: string, specifier: string): string {
  const base = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : ''
  return new URL(specifier, new URL(base, 'file:///')).pathname.slice(1)
}

const files = sourceFiles()
const presentEntries = entries.filter((entry) => files.includes(entry))
const public_ = new Map<string, Set<string>>()
for (const entry of presentEntries) {
  for (const { from, names } of exportsOf(entry).reexports) {
    const file = resolve(entry, from)
    const set = public_.get(file) ?? new Set()
    for (const name of names) set.add(name)
    public_.set(file, set)
  }
}
const isInternal = (file: string) => file.split('/').pop()!.startsWith('_')

describe('"_" means internal', () => {
  it('entry files export only from files without a leading "_"', () => {
    const offenders = [...public_.keys()].filter(isInternal)
    expect(offenders).toEqual([])
  })

  it('public files export only names an entry file re-exports', () => {
    const offenders: string[] = []
    for (const file of files) {
      if (isInternal(file) || presentEntries.includes(file)) continue
      const published = public_.get(file) ?? new Set()
      for (const name of exportsOf(file).declared) {
        if (!published.has(name)) offenders.push(`${file}#${name}`)
      }
    }
    expect(offenders).toEqual([])
  })
})
