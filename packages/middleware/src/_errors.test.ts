import { readdirSync, readFileSync } from 'node:fs'
import { errorCodes, HttpError, OpenSpeedError } from '@openspeed/core'
import { expect, it } from 'vitest'
import { middlewareError } from './_errors.ts'
import { middlewareErrorCodes } from './errors/index.ts'
import { MiddlewareError } from './errors/middleware-error.ts'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const rows = [...readme.matchAll(/^\| `(OS_ERR_[A-Z0-9_]+)` \|/gm)].map((match) => match[1]!)

/** Every OS_ERR_* code named in the package's source (problem codes and setup-error codes). */
function codesInSource(): Set<string> {
  const codes = new Set<string>()
  const dir = new URL('./', import.meta.url)
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    if (!file.endsWith('.ts') || file.includes('.test.') || file.includes('.case.')) continue
    const text = readFileSync(new URL(file, dir), 'utf8')
    for (const [code] of text.matchAll(/OS_ERR_[A-Z0-9_]+[A-Z0-9]/g)) codes.add(code)
  }
  return codes
}

it('lists each code once in the README errors table', () => {
  expect(rows.length).toBeGreaterThan(0)
  expect(new Set(rows).size).toBe(rows.length)
})

it('has one table holding every code the package uses, each in the README, none of core', () => {
  const own = new Set(Object.keys(middlewareErrorCodes))
  for (const code of codesInSource()) {
    if (code in errorCodes) continue
    expect(own, `${code} is missing from middlewareErrorCodes`).toContain(code)
  }
  for (const code of own) {
    expect(rows, code).toContain(code)
    expect(code in errorCodes, `${code} collides with core`).toBe(false)
    expect(
      middlewareErrorCodes[code as keyof typeof middlewareErrorCodes].description.length,
    ).toBeGreaterThan(10)
  }
})

it('builds problem errors with the code, its status and title', () => {
  const error = middlewareError('OS_ERR_CSRF_TOKEN_MISSING', { detail: 'no token' })
  expect(HttpError.isInstance(error)).toBe(true)
  expect(error).toMatchObject({
    status: 403,
    title: 'Forbidden',
    code: 'OS_ERR_CSRF_TOKEN_MISSING',
    detail: 'no token',
  })
  const other = middlewareError('OS_ERR_TIMEOUT_EXCEEDED', { status: 503 })
  expect(other).toMatchObject({ status: 503, title: 'Service Unavailable', code: 'OS_ERR_TIMEOUT_EXCEEDED' })
})

it('throws setup errors as a branded MiddlewareError, an OpenSpeedError with the code', () => {
  const error = new MiddlewareError('OS_ERR_CORS_INVALID_OPTIONS', 'cors(): bad')
  expect(MiddlewareError.isInstance(error)).toBe(true)
  expect(OpenSpeedError.isInstance(error)).toBe(true)
  expect(HttpError.isInstance(error)).toBe(false)
  expect(error).toMatchObject({ name: 'MiddlewareError', code: 'OS_ERR_CORS_INVALID_OPTIONS' })
})
