import { describe, expect, it } from 'vitest'
import { fillPath, toBaseUrl, toQueryString } from './_url.ts'

describe('fillPath', () => {
  it('fills OpenSpeed and OpenAPI parameters, percent-encoded', () => {
    expect(fillPath('/users/:id/posts/:postId', { id: 'a/b', postId: 7 })).toBe('/users/a%2Fb/posts/7')
    expect(fillPath('/items/:id{[0-9]+}', { id: 12 })).toBe('/items/12')
    expect(fillPath('/items/:id{\\d{2}}/x', { id: 12 })).toBe('/items/12/x')
    expect(fillPath('/pets/{petId}/photos/{name}.{ext}', { petId: 'x y', name: 'a', ext: 'png' })).toBe(
      '/pets/x%20y/photos/a.png',
    )
    expect(fillPath('/static', undefined)).toBe('/static')
  })

  it('keeps slashes of catch-alls and drops a missing optional last parameter', () => {
    expect(fillPath('/files/*', { '*': 'a b/c' })).toBe('/files/a%20b/c')
    expect(fillPath('/files/*rest', { rest: 'x/y' })).toBe('/files/x/y')
    expect(fillPath('/posts/:slug?', {})).toBe('/posts')
    expect(fillPath('/:lang?', {})).toBe('/')
    expect(fillPath('/posts/:slug?', { slug: 'hi' })).toBe('/posts/hi')
  })

  it('throws OS_ERR_CLIENT_MISSING_PARAM for a missing or empty parameter', () => {
    expect(() => fillPath('/users/:id', {})).toThrowError(
      expect.objectContaining({
        code: 'OS_ERR_CLIENT_MISSING_PARAM',
        message: 'The path /users/:id needs the parameter "id": pass it in `params`',
      }),
    )
    expect(() => fillPath('/users/:id', { id: '' })).toThrow(/needs the parameter "id"/)
    expect(() => fillPath('/pets/{petId}', undefined)).toThrow(/needs the parameter "petId"/)
  })
})

describe('toQueryString', () => {
  it('repeats arrays, formats dates, skips undefined and null', () => {
    const query = { a: ['1', 2], b: true, c: undefined, d: null, e: new Date(0), f: 10n, 'x y': 'a&b' }
    expect(toQueryString(query)).toBe('?a=1&a=2&b=true&e=1970-01-01T00%3A00%3A00.000Z&f=10&x+y=a%26b')
    expect(toQueryString({})).toBe('')
    expect(toQueryString(undefined)).toBe('')
  })

  it('throws OS_ERR_CLIENT_INVALID_QUERY for objects', () => {
    expect(() => toQueryString({ filter: { a: 1 } })).toThrowError(
      expect.objectContaining({ code: 'OS_ERR_CLIENT_INVALID_QUERY' }),
    )
  })
})

describe('toBaseUrl', () => {
  it('keeps a path prefix and drops trailing slashes, query and fragment', () => {
    expect(toBaseUrl('http://localhost:3000/')).toBe('http://localhost:3000')
    expect(toBaseUrl(new URL('https://api.example.com/v1/?x=1#y'))).toBe('https://api.example.com/v1')
  })

  it('throws OS_ERR_CLIENT_INVALID_BASE_URL for a relative URL', () => {
    expect(() => toBaseUrl('/api')).toThrowError(
      expect.objectContaining({
        code: 'OS_ERR_CLIENT_INVALID_BASE_URL',
        message: 'The base URL "/api" is not an absolute URL (e.g. "https://api.example.com")',
      }),
    )
  })
})
