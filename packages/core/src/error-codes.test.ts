import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { errorCodes } from './error-codes.ts'
import { HttpError } from './http-error.ts'
import { OpenSpeedError } from './openspeed-error.ts'

describe('error codes', () => {
  const codes = Object.keys(errorCodes)

  it('are unique, well-formed and documented in the README', () => {
    expect(new Set(codes).size).toBe(codes.length)
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    for (const code of codes) {
      expect(code).toMatch(/^OS_ERR_[A-Z]+(_[A-Z]+)*$/)
      expect(readme, `${code} is documented`).toContain(`\`${code}\``)
    }
  })

  it('map to HTTP error statuses', () => {
    for (const info of Object.values(errorCodes)) expect(info.status).toBeGreaterThanOrEqual(400)
  })
})

describe('error classes', () => {
  it('recognise instances from another copy of core through the Symbol.for brand', async () => {
    // a second module instance stands in for a second installed copy: its classes are distinct
    const copy = './http-error.ts?copy'
    const other = (await import(/* @vite-ignore */ copy)) as typeof import('./http-error.ts')
    const foreign = new other.HttpError(400)
    expect(foreign instanceof HttpError).toBe(false)
    expect(HttpError.isInstance(foreign)).toBe(true)
    expect(OpenSpeedError.isInstance(foreign)).toBe(true)
    expect(other.HttpError.isInstance(new HttpError(404))).toBe(true)
    expect(HttpError.isInstance(new Error('x'))).toBe(false)
    expect(HttpError.isInstance(null)).toBe(false)
    expect(HttpError.isInstance('OS_ERR_INTERNAL')).toBe(false)
    expect(OpenSpeedError.isInstance(new OpenSpeedError('OS_ERR_INTERNAL', 'x'))).toBe(true)
    // a base instance is not one of its subclasses
    expect(HttpError.isInstance(new OpenSpeedError('OS_ERR_INTERNAL', 'x'))).toBe(false)
  })

  it('brands subclasses of other packages the same way', () => {
    class CacheError extends OpenSpeedError<'OS_ERR_TEST_CACHE'> {
      static {
        OpenSpeedError.brand(CacheError, '@openspeed/test.CacheError')
      }
    }
    const error = new CacheError('OS_ERR_TEST_CACHE', 'x', { cause: 1 })
    expect([error.name, error.code, error.message, error.cause]).toEqual([
      'CacheError',
      'OS_ERR_TEST_CACHE',
      'x',
      1,
    ])
    expect(CacheError.isInstance(error)).toBe(true)
    expect(OpenSpeedError.isInstance(error)).toBe(true)
    expect(HttpError.isInstance(error)).toBe(false)
    expect(CacheError.isInstance(new HttpError(500))).toBe(false)
    // usable as a bare callback
    expect([error, new HttpError(400), null].filter(CacheError.isInstance)).toEqual([error])
    expect([error, new HttpError(400)].filter(OpenSpeedError.isInstance)).toHaveLength(2)
  })

  it('build from a code with its status and title', () => {
    const error = HttpError.fromCode('OS_ERR_REQUEST_BODY_TOO_LARGE', { detail: 'too big' })
    expect([error.status, error.title, error.code, error.detail, error.message]).toEqual([
      413,
      'Content Too Large',
      'OS_ERR_REQUEST_BODY_TOO_LARGE',
      'too big',
      'too big',
    ])
    expect(new HttpError(418).title).toBe('Client Error')
    expect(new HttpError(599).title).toBe('Server Error')
    expect(new HttpError(500, { cause: new Error('inner') }).cause).toBeInstanceOf(Error)
  })
})

describe('zero-dependency core', () => {
  it('imports no node: module and no package outside itself in its source', async () => {
    const { readdirSync } = await import('node:fs')
    const sourceDir = new URL('./', import.meta.url)
    const files = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !/\.(test|test-d|case)\.ts$/.test(file),
    )
    expect(files.length).toBeGreaterThan(10)
    for (const file of files) {
      const source = readFileSync(new URL(file, sourceDir), 'utf8')
      const imports = [...source.matchAll(/^(?:import|export|\})[^\n]* from '([^']+)'/gm)].map(
        (match) => match[1]!,
      )
      expect(
        imports.filter((specifier) => !specifier.startsWith('.')),
        file,
      ).toEqual([])
    }
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(manifest.dependencies ?? {}).toEqual({})
  })
})
