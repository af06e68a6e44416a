import { describe, expect, it } from 'vitest'
import { invalidHostError, isValidAuthority } from './authority.ts'
import { respondSafely } from './last-resort.ts'
import { OpenSpeed } from './open-speed.ts'
import { WebRequestSource } from './request-source.ts'

describe('isValidAuthority', () => {
  it.each([
    'localhost',
    'localhost:3000',
    'example.com:65535',
    '127.0.0.1:80',
    '[::1]',
    '[::1]:8080',
    'xn--nxasmq6b.example',
    'under_score.example',
  ])('accepts %s', (authority) => {
    expect(isValidAuthority(authority)).toBe(true)
    expect(isValidAuthority(authority)).toBe(true)
  })

  it.each([
    '',
    'a:b',
    'localhost:99999',
    'h:-1',
    'h:1:2',
    '[::1',
    '::1',
    'user@example.com',
    'a b',
    'evil.test/x?',
    'a%2fb',
    'a\\b',
    'h#frag',
  ])('refuses %j', (authority) => {
    expect(isValidAuthority(authority)).toBe(false)
  })

  it('checks a part of a longer string', () => {
    expect(isValidAuthority('http://a:b/raw', 7, 10)).toBe(false)
    expect(isValidAuthority('http://example.com/raw', 7, 18)).toBe(true)
    // the remembered host must match the whole part, not only its start
    expect(isValidAuthority('http://example.com:99999/raw', 7, 24)).toBe(false)
  })
})

describe('WebRequestSource with a URL or Host no URL can be built from', () => {
  const app = new OpenSpeed().get('/x', (c) => c.text(new URL(c.req.url).host))

  it('flags a Host header that is not a valid host and port', async () => {
    const source = new WebRequestSource(new Request('http://localhost/x', { headers: { host: 'a:b' } }))
    expect(source.invalid).toMatchObject({ status: 400, code: 'OS_ERR_REQUEST_INVALID_HOST' })
    const response = await respondSafely(app, source)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'OS_ERR_REQUEST_INVALID_HOST' })
  })

  it('serves a request whose Host matches its URL', async () => {
    const source = new WebRequestSource(
      new Request('http://example.com:8080/x', { headers: { host: 'example.com:8080' } }),
    )
    expect(source.invalid).toBeUndefined()
    expect(await (await respondSafely(app, source)).text()).toBe('example.com:8080')
  })

  it('does not echo the Host in the problem detail', () => {
    expect(invalidHostError().detail).not.toMatch(/a:b/)
  })
})
