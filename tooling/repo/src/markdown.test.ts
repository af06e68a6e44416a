import { expect, it } from 'vitest'
import { documentedCodes, inlineCode, section } from './markdown.ts'

const doc = '# Title\n\n## Layout\n\n`a/` and `b`\n\n### Inside\n\nstill layout\n\n## Next\n\nother\n'

it('cuts a section at the next heading of its level, keeping deeper ones', () => {
  expect(section(doc, 'Layout')).toBe('\n`a/` and `b`\n\n### Inside\n\nstill layout\n')
  expect(section(doc, 'Next')).toBe('\nother\n')
  expect(section(doc, 'Missing')).toBeUndefined()
  expect(inlineCode(section(doc, 'Layout')!)).toEqual(['a/', 'b'])
})

it('reads error codes from table rows only', () => {
  const readme = 'Throws `OS_ERR_X_PROSE`.\n\n| code | status |\n|---|---|\n| `OS_ERR_X_ROW` | 400 |\n'
  expect(documentedCodes(readme)).toEqual(new Set(['OS_ERR_X_ROW']))
})
