import { readFileSync } from 'node:fs'
import { OpenSpeedError } from '@openspeed/core'
import { expect, it } from 'vitest'
import { LambdaAdapterError, lambdaErrorCodes } from '../src/index.ts'

it('has unique error codes, each documented in the README errors table', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const codes = Object.keys(lambdaErrorCodes)
  expect(new Set(codes).size).toBe(codes.length)
  for (const code of codes) {
    expect(code).toMatch(/^OS_ERR_LAMBDA_[A-Z0-9_]+$/)
    expect(readme).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'))
  }
})

it('throws errors that are OpenSpeedErrors with a code from the table', () => {
  const error = new LambdaAdapterError('OS_ERR_LAMBDA_UNSUPPORTED_EVENT', 'not an HTTP event')
  expect(OpenSpeedError.isInstance(error)).toBe(true)
  expect(LambdaAdapterError.isInstance(error)).toBe(true)
  expect(LambdaAdapterError.isInstance(new OpenSpeedError('OS_ERR_LAMBDA_UNSUPPORTED_EVENT', 'x'))).toBe(
    false,
  )
  expect(error).toMatchObject({ name: 'LambdaAdapterError', code: 'OS_ERR_LAMBDA_UNSUPPORTED_EVENT' })
  expect(lambdaErrorCodes[error.code].status).toBeUndefined()
  expect(lambdaErrorCodes.OS_ERR_LAMBDA_INVALID_BASE64.status).toBe(400)
})
