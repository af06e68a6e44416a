import { existsSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import ts from 'typescript'
import { sourceFiles } from './folders.ts'

/** What one source file exports: names it declares, and names it passes on from another file. */
export interface FileExports {
  declared: string[]
  /** `from` is the resolved file (relative to the package), or the bare specifier. */
  reexports: { from: string; names: string[] }[]
}

interface Manifest {
  exports?: Record<string, string | Record<string, string>>
}

/**
 * The source file of every entry in a package's `exports` map, relative to the package folder:
 * each `@openspeed/source` file, and the `src/` file behind each other condition's `dist/` build
 * (`"node": "./dist/compress/node.js"` is `src/compress/node.ts`).
 *
 * @example
 * entryFiles('/repo/packages/client') // ['src/index.ts', 'src/contract/index.ts', 'src/openapi/index.ts']
 */
export function entryFiles(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest
  const entries = new Set<string>()
  for (const target of Object.values(manifest.exports ?? {})) {
    if (typeof target === 'string') continue
    for (const [condition, file] of Object.entries(target)) {
      const source =
        condition === '@openspeed/source' ? file : file.replace(/^\.\/dist\/(.*)\.js$/, './src/$1.ts')
      if (source.endsWith('.ts') && !source.endsWith('.d.ts') && existsSync(join(dir, source))) {
        entries.add(posix.normalize(source))
      }
    }
  }
  return [...entries]
}

/**
 * Parses one file with the TypeScript parser and lists its exports. `import { a } from './x.ts'`
 * followed by `export { a }` counts as a re-export from `./x.ts`; `export *` is the name `*`.
 *
 * @example
 * exportsOf('/repo/packages/cli', 'src/index.ts').reexports // [{ from: 'src/run.ts', names: ['run'] }, ...]
 */
export function exportsOf(dir: string, file: string): FileExports {
  const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest)
  const resolve = (specifier: string) =>
    specifier.startsWith('.') ? posix.join(posix.dirname(file), specifier) : specifier
  const imported = new Map<string, { from: string; name: string }>()
  const declared: string[] = []
  const reexports: FileExports['reexports'] = []
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const bindings = statement.importClause?.namedBindings
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const name = (element.propertyName ?? element.name).text
          imported.set(element.name.text, { from: resolve(statement.moduleSpecifier.text), name })
        }
      }
    } else if (ts.isExportDeclaration(statement)) {
      const elements =
        statement.exportClause && ts.isNamedExports(statement.exportClause)
          ? statement.exportClause.elements
          : undefined
      if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        const names = elements
          ? elements.map((element) => (element.propertyName ?? element.name).text)
          : ['*']
        reexports.push({ from: resolve(statement.moduleSpecifier.text), names })
      } else {
        for (const element of elements ?? []) {
          const local = (element.propertyName ?? element.name).text
          const origin = imported.get(local)
          if (origin) reexports.push({ from: origin.from, names: [origin.name] })
          else declared.push(local)
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      declared.push('default')
    } else if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      declared.push(
        ...(hasModifier(statement, ts.SyntaxKind.DefaultKeyword) ? ['default'] : declaredNames(statement)),
      )
    }
  }
  return { declared, reexports }
}

function hasModifier(statement: ts.Statement, kind: ts.SyntaxKind): boolean {
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined
  return modifiers?.some((modifier) => modifier.kind === kind) ?? false
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) =>
      ts.isIdentifier(declaration.name) ? [declaration.name.text] : [],
    )
  }
  const name = (statement as { name?: ts.Node }).name
  return name && ts.isIdentifier(name) ? [name.text] : []
}

/** Whether a file's name starts with `_`. */
export const isInternal = (file: string): boolean => posix.basename(file).startsWith('_')

/**
 * Checks the rule "`_` means internal" for one package and returns one line per breach, naming
 * the file and the export: no entry point passes on a name from a `_` file (following re-export
 * chains), and a public file that is not an entry exports only names an entry passes on.
 *
 * @example
 * internalNameProblems('/repo/packages/cli', '@openspeed/cli') // []
 */
export function internalNameProblems(dir: string, name: string): string[] {
  const entries = entryFiles(dir)
  const files = sourceFiles(join(dir, 'src'))
    .filter((file) => !file.endsWith('.case.ts'))
    .map((file) => `src/${file}`)
  const exports = new Map(files.map((file) => [file, exportsOf(dir, file)]))
  const published = publishedNames(entries, exports)
  const problems: string[] = []
  for (const [file, names] of published) {
    if (!isInternal(file)) continue
    for (const exported of names) {
      problems.push(`${name}: ${file} is internal but an entry point re-exports ${exported} from it`)
    }
  }
  for (const [file, { declared, reexports }] of exports) {
    if (isInternal(file) || entries.includes(file)) continue
    const names = published.get(file) ?? new Set()
    if (names.has('*')) continue
    const own = [...declared, ...reexports.flatMap((reexport) => reexport.names)]
    for (const exported of own) {
      if (!names.has(exported)) {
        problems.push(`${name}: ${file} is public but exports ${exported}, which no entry point re-exports`)
      }
    }
  }
  return problems
}

/** For each file reached from an entry point, the names entries re-export from it. */
function publishedNames(entries: string[], exports: Map<string, FileExports>): Map<string, Set<string>> {
  const published = new Map<string, Set<string>>()
  const pass = (file: string, names: string[]) => {
    const known = published.get(file) ?? new Set()
    const fresh = names.filter((exported) => !known.has(exported))
    if (fresh.length === 0) return
    for (const exported of fresh) known.add(exported)
    published.set(file, known)
    for (const reexport of exports.get(file)?.reexports ?? []) {
      if (!exports.has(reexport.from)) continue
      const onward = fresh.includes('*') ? reexport.names : reexport.names.filter((n) => fresh.includes(n))
      if (onward.length > 0) pass(reexport.from, onward)
    }
  }
  for (const entry of entries) {
    for (const reexport of exports.get(entry)?.reexports ?? []) {
      if (exports.has(reexport.from)) pass(reexport.from, reexport.names)
    }
  }
  return published
}
