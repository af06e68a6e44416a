/**
 * The part of a Markdown document under the heading whose text is `title` (any level), up to the
 * next heading of the same or a higher level; `undefined` when there is no such heading.
 *
 * @example
 * section(readme, 'Layout') // the text of `## Layout`, without the heading line
 */
export function section(markdown: string, title: string): string | undefined {
  const lines = markdown.split('\n')
  const start = lines.findIndex((line) => /^#{1,6} /.test(line) && line.replace(/^#+ /, '').trim() === title)
  if (start === -1) return undefined
  const level = lines[start]!.indexOf(' ')
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => {
    const match = /^(#{1,6}) /.exec(line)
    return match !== null && match[1]!.length <= level
  })
  return (end === -1 ? rest : rest.slice(0, end)).join('\n')
}

/**
 * Every inline-code span of `markdown` (the text between single backticks), in order.
 *
 * @example
 * inlineCode('see `packages/core` and `tooling/config`') // ['packages/core', 'tooling/config']
 */
export function inlineCode(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!)
}

/**
 * The error codes a README documents: every `OS_ERR_…` in backticks on a table row (a line that
 * starts with `|`).
 *
 * @example
 * documentedCodes('| code | status |\n|---|---|\n| `OS_ERR_CLI_USAGE` | 2 |') // Set { 'OS_ERR_CLI_USAGE' }
 */
export function documentedCodes(markdown: string): Set<string> {
  const rows = markdown.split('\n').filter((line) => line.trimStart().startsWith('|'))
  return new Set(inlineCode(rows.join('\n')).filter((code) => /^OS_ERR_[A-Z0-9_]+$/.test(code)))
}
