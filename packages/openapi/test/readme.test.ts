import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { openapiErrorCodes } from '../src/errors.ts'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

it('runs the first README example and prints what it promises', () => {
  const code = /```ts\n([\s\S]*?)```\n<!-- example-output: (.+?) -->/.exec(readme)
  expect(code, 'a ```ts block followed by an example-output comment').not.toBeNull()
  const [, source, expected] = code!
  const stdout = execFileSync(
    process.execPath,
    ['--conditions=@openspeed/source', '--import', 'tsx', '--input-type=module', '--eval', source!],
    { cwd: packageDir, encoding: 'utf8' },
  )
  expect(stdout.trim()).toBe(expected)
})

it('documents every error code once, with its status', () => {
  const codes = Object.keys(openapiErrorCodes)
  expect(new Set(codes).size).toBe(codes.length)
  for (const [code, info] of Object.entries(openapiErrorCodes)) {
    const row = readme.split('\n').filter((line) => line.startsWith(`| \`${code}\` |`))
    expect(row, code).toHaveLength(1)
    expect(row[0]).toContain(
      info.status === 500 && code.endsWith('RESPONSE_INVALID') ? '| 500 |' : '| thrown |',
    )
  }
})
