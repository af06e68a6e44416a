import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

/** The package's source entry, for consumer files written to a temporary directory. */
export const clientEntry: string = fileURLToPath(new URL('../src/index.ts', import.meta.url))

/**
 * Type-checks `files` (name -> text) the way a user's project would (strict, NodeNext) and
 * returns the diagnostics as `file(line): message` strings; `[]` means it compiles.
 */
export function typecheck(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'openspeed-client-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  const roots = Object.keys(files).map((name) => join(dir, name))
  const program = ts.createProgram(roots, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    customConditions: ['@openspeed/source'],
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
  })
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName.slice(dir.length + 1)}(${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start!).line + 1})`
      : 'global'
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
  })
}
