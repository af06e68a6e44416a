import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { lambdaErrorCodes } from '../src/index.ts'

it('has unique error codes, each documented in the README errors table', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const codes = Object.keys(lambdaErrorCodes)
  expect(new Set(codes).size).toBe(codes.length)
  for (const code of codes) {
    expect(code).toMatch(/^OS_ERR_LAMBDA_[A-Z0-9_]+$/)
    expect(readme).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'))
  }
})
