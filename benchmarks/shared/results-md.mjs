import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const file = fileURLToPath(new URL('../RESULTS.md', import.meta.url))
const header = '# Benchmark results\n\nWritten by the benchmark runners; see README.md for the method.\n'

/**
 * Replaces the `name` section of benchmarks/RESULTS.md (between its markers) with `markdown`,
 * appending the section when it is not there yet, so each runner owns only its part of the file.
 */
export function writeSection(name, markdown) {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const block = `${start}\n${markdown.trim()}\n${end}`
  let text = existsSync(file) ? readFileSync(file, 'utf8') : header
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from !== -1 && to > from) text = text.slice(0, from) + block + text.slice(to + end.length)
  else text = `${text.trimEnd()}\n\n${block}\n`
  writeFileSync(file, text)
  return file
}
