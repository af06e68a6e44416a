import { readFileSync } from 'node:fs'
import { OpenSpeedError } from '@openspeed/core'
import { expect, it } from 'vitest'
import { adaptersNodeErrorCodes, NodeAdapterError } from '../src/index.ts'

it('has unique error codes, each documented in the README errors table', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const codes = Object.keys(adaptersNodeErrorCodes)
  expect(new Set(codes).size).toBe(codes.length)
  for (const code of codes) {
    expect(code).toMatch(/^OS_ERR_NODE_[A-Z0-9_]+$/)
    expect(readme).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'))
  }
})

it('raises OpenSpeedErrors recognised across copies', () => {
  const error = new NodeAdapterError('OS_ERR_NODE_UNSUPPORTED_BODY', 'Unsupported response body: number')
  expect(OpenSpeedError.isInstance(error)).toBe(true)
  expect(NodeAdapterError.isInstance(error)).toBe(true)
  expect(NodeAdapterError.isInstance(new OpenSpeedError('OS_ERR_NODE_UNSUPPORTED_BODY', 'x'))).toBe(false)
  expect(error.name).toBe('NodeAdapterError')
})
