import { existsSync, readFileSync } from 'node:fs'
import { relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'

/** A position in a source file, 1-based line and column. */
export interface SourceLocation {
  file: string
  line: number
  column: number
}

/** Lines around `line` with a `>` marker and a caret under `column`, like a compiler prints. */
export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split(/\r?\n/)
  const first = Math.max(1, line - context)
  const last = Math.min(lines.length, line + context)
  const width = String(last).length
  const out: string[] = []
  for (let number = first; number <= last; number++) {
    const gutter = `${String(number).padStart(width)} | `
    out.push(`${number === line ? '>' : ' '} ${gutter}${lines[number - 1]}`)
    if (number === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`)
  }
  return out.join('\n')
}

const stackLocation = /\(?((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?$/

/** The first stack frame inside `root` and outside `node_modules`, if any. */
export function projectLocation(error: Error, root: string): SourceLocation | undefined {
  for (const frame of (error.stack ?? '').split('\n').slice(1)) {
    const match = stackLocation.exec(frame.trim())
    if (match === null) continue
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!
    if (!file.startsWith(root + sep) || file.includes(`${sep}node_modules${sep}`) || !existsSync(file))
      continue
    return { file, line: Number(match[2]), column: Number(match[3]) }
  }
  return undefined
}

/**
 * Formats an error for the terminal: its message, where it happened in the project and a code
 * frame there. Compile errors carry their own frame in the message or in `frame`; runtime errors
 * are located by their (source-mapped) stack. Colours are kept only on a terminal.
 */
export function formatError(error: unknown, root: string): string {
  const text = error instanceof Error ? describeError(error, root) : String(error)
  return process.stderr.isTTY ? text : stripVTControlCharacters(text)
}

function describeError(error: Error, root: string): string {
  const compile = error as Error & {
    loc?: { file?: string; line: number; column: number }
    frame?: string
    id?: string
  }
  const heading = `${error.name}: ${error.message}`
  if (compile.frame !== undefined || compile.loc !== undefined) {
    const file = compile.loc?.file ?? compile.id ?? ''
    const where = compile.loc === undefined ? file : `${file}:${compile.loc.line}:${compile.loc.column}`
    const frame = compile.frame ?? frameAt(compile.loc, file)
    return [heading, `  at ${display(where, root)}`, heading.includes(frame) ? '' : frame]
      .filter(Boolean)
      .join('\n')
  }
  const location = projectLocation(error, root)
  if (location === undefined) {
    // frames inside the bundler say nothing about the user's code
    const frames = (error.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line) && !line.includes('/node_modules/vite/'))
    return [heading, ...frames].join('\n')
  }
  const frame = codeFrame(readFileSync(location.file, 'utf8'), location.line, location.column)
  return `${heading}\n  at ${display(`${location.file}:${location.line}:${location.column}`, root)}\n${frame}`
}

function frameAt(loc: { line: number; column: number } | undefined, file: string): string {
  if (loc === undefined || !existsSync(file)) return ''
  return codeFrame(readFileSync(file, 'utf8'), loc.line, loc.column + 1)
}

function display(path: string, root: string): string {
  return path.startsWith(root + sep) ? relative(root, path) : path
}
