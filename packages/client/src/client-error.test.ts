import { readFileSync } from 'node:fs'
import { OpenSpeedError } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { ClientError, clientErrorCodes } from './client-error.ts'

describe('ClientError', () => {
  it('has unique, well-formed codes, each documented in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const codes = Object.keys(clientErrorCodes)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) {
      expect(code).toMatch(/^OS_ERR_CLIENT_[A-Z]+(_[A-Z]+)*$/)
      expect(readme, `${code} is documented`).toContain(`\`${code}\``)
      expect(clientErrorCodes[code as keyof typeof clientErrorCodes].description).not.toBe('')
    }
  })

  it('carries code, status, response and cause, and is recognised across copies', () => {
    const response = new Response('x', { status: 502 })
    const error = new ClientError('OS_ERR_CLIENT_NOT_PROBLEM', 'bad', { response, cause: 'why' })
    expect([error.name, error.code, error.status, error.response, error.cause]).toEqual([
      'ClientError',
      'OS_ERR_CLIENT_NOT_PROBLEM',
      502,
      response,
      'why',
    ])
    expect(ClientError.isInstance(error)).toBe(true)
    expect(
      ClientError.isInstance(Object.create({ [Symbol.for('@openspeed/client.ClientError')]: true })),
    ).toBe(true)
    expect(OpenSpeedError.isInstance(error)).toBe(true)
    expect(ClientError.isInstance(new Error('x'))).toBe(false)
    expect(ClientError.isInstance(null)).toBe(false)
  })
})
