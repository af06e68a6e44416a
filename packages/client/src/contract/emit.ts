import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import ts from 'typescript'
import { printKey, TypePrinter } from './_print-type.ts'

/** Options for {@link emitContract}. */
export interface EmitContractOptions {
  /** The module that exports the app: a `.ts` file path. */
  entry: string
  /**
   * The export to read: an app (`export const app = new OpenSpeed()...`), its type
   * (`export type App = typeof app`), a function that returns an app, or a route map type.
   * Default: `App`, then `app`, then `default`, whichever the module has.
   */
  exportName?: string
  /** Where to write the `.d.ts`; without it the text is only returned. */
  out?: string
  /** The name of the exported contract type. Default `Contract`. */
  typeName?: string
  /** The tsconfig whose compiler options resolve the entry. Default: the nearest one. */
  tsconfig?: string
}

/** What {@link emitContract} produced. */
export interface EmitContractResult {
  /** The `.d.ts` text. */
  code: string
  /** How many routes (path and method pairs) it lists. */
  routes: number
  /** The absolute path written, when `out` was given. */
  out?: string
}

function compilerOptions(entry: string, tsconfig: string | undefined): ts.CompilerOptions {
  const configPath = tsconfig ?? ts.findConfigFile(dirname(entry), ts.sys.fileExists)
  const base: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    allowImportingTsExtensions: true,
  }
  if (configPath === undefined) return { ...base, noEmit: true, skipLibCheck: true }
  const parsed = ts.getParsedCommandLineOfConfigFile(
    resolve(configPath),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      },
    },
  )
  // only the entry's types are needed: no emit, no declaration checks, no library checks
  const options = { ...base, ...parsed?.options }
  return { ...options, noEmit: true, declaration: false, isolatedDeclarations: false, skipLibCheck: true }
}

function findExport(checker: ts.TypeChecker, file: ts.SourceFile, name: string | undefined): ts.Symbol {
  const moduleSymbol = checker.getSymbolAtLocation(file)
  const exports = moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol)
  const names = name === undefined ? ['App', 'app', 'default'] : [name]
  const found = names.map((wanted) => exports.find((symbol) => symbol.name === wanted)).find(Boolean)
  if (found === undefined) {
    const available = exports.map((symbol) => symbol.name).join(', ') || 'none'
    throw new Error(`${file.fileName} has no export named ${names.join(' or ')} (exports: ${available})`)
  }
  return found.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(found) : found
}

function routesType(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Type {
  let type =
    symbol.flags & ts.SymbolFlags.Value
      ? checker.getTypeOfSymbol(symbol)
      : checker.getDeclaredTypeOfSymbol(symbol)
  const [factory] = checker.getSignaturesOfType(type, ts.SignatureKind.Call)
  if (factory !== undefined && type.getProperty('fetch') === undefined) type = factory.getReturnType()
  if (type.getProperty('fetch') !== undefined && type.getSymbol()?.name === 'OpenSpeed') {
    const args = checker.getTypeArguments(type as ts.TypeReference)
    if (args[1] !== undefined) return args[1]
  }
  return type
}

/**
 * Writes a flat `.d.ts` of an app's routes: every path, method, validated input and JSON output,
 * with every type inlined. `createClient<Contract>(url)` then type-checks without loading the
 * app, its schemas or its libraries — much faster in editors on big apps. Uses the TypeScript
 * compiler API (`typescript` must be installed). `openspeed-contract` is the same as a command.
 *
 * @example
 * import { emitContract } from '@openspeed/client/contract'
 * const { routes } = emitContract({ entry: 'src/app.ts', exportName: 'App', out: 'src/contract.d.ts' })
 * // then: import type { Contract } from './contract.d.ts'; createClient<Contract>(url)
 */
export function emitContract(options: EmitContractOptions): EmitContractResult {
  const entry = resolve(options.entry)
  const program = ts.createProgram([entry], compilerOptions(entry, options.tsconfig))
  const file = program.getSourceFile(entry)
  if (file === undefined) throw new Error(`Cannot read ${entry}`)
  const checker = program.getTypeChecker()
  const symbol = findExport(checker, file, options.exportName)
  const routes = routesType(checker, symbol)
  const printer = new TypePrinter(program)
  const lines: string[] = []
  let count = 0
  for (const path of checker.getPropertiesOfType(routes)) {
    lines.push(`  ${JSON.stringify(path.name)}: {`)
    for (const method of checker.getPropertiesOfType(checker.getTypeOfSymbol(path))) {
      count++
      lines.push(`    ${printKey(method.name)}: ${printer.print(checker.getTypeOfSymbol(method), '    ')}`)
    }
    lines.push('  }')
  }
  const source = relative(process.cwd(), entry).replaceAll('\\', '/')
  const code = [
    `// Generated by openspeed-contract from ${source}. Do not edit: run it again after changing routes.`,
    `export type ${options.typeName ?? 'Contract'} = {`,
    ...lines,
    '}',
    ...printer.aliases,
    '',
  ].join('\n')
  if (options.out === undefined) return { code, routes: count }
  const out = resolve(options.out)
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, code)
  return { code, routes: count, out }
}
