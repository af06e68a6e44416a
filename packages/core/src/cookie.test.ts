import { describe, expect, it } from 'vitest'
import { deleteCookie, getSignedCookie, serializeCookie, setCookie, setSignedCookie } from './cookie.ts'
import { OpenSpeed } from './open-speed.ts'

describe('cookies', () => {
  it('serializes every attribute', () => {
    const cookie = serializeCookie('id', 'a b;c', {
      domain: 'example.com',
      path: '/app',
      maxAge: 60.7,
      expires: new Date(Date.UTC(2030, 0, 1)),
      httpOnly: true,
      sameSite: 'None',
      partitioned: true,
    })
    expect(cookie).toBe(
      'id=a%20b%3Bc; Max-Age=60; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Domain=example.com; Path=/app; HttpOnly; Secure; SameSite=None; Partitioned',
    )
    expect(serializeCookie('x', 'y')).toBe('x=y; Path=/')
  })

  it('refuses attribute injection through the domain', () => {
    expect(() => serializeCookie('x', 'y', { domain: 'a.com\r\nSet-Cookie: admin=1' })).toThrow(
      /CR, LF or NUL/,
    )
  })

  it('sets and deletes cookies on the response', async () => {
    const app = new OpenSpeed().get('/', (c) => {
      setCookie(c, 'theme', 'dark', { httpOnly: true })
      deleteCookie(c, 'old')
      return c.text('ok')
    })
    const cookies = (await app.request('/')).headers.getSetCookie()
    expect(cookies[0]).toBe('theme=dark; Path=/; HttpOnly')
    expect(cookies[1]).toMatch(/^old=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=\//)
  })
})

describe('signed cookies', () => {
  const secret = 'a long and random secret value'
  const app = new OpenSpeed()
    .get('/set', async (c) => {
      await setSignedCookie(c, 'session', 'user-42', secret, { httpOnly: true })
      return c.text('set')
    })
    .get('/get', async (c) => c.json({ value: (await getSignedCookie(c, 'session', secret)) ?? null }))

  const read = async (cookie?: string) =>
    (await (await app.request('/get', { headers: cookie ? { cookie } : {} })).json()).value

  it('round-trips a value signed with HMAC-SHA256', async () => {
    const header = (await app.request('/set')).headers.get('set-cookie')!
    const pair = header.split(';')[0]!
    expect(pair).toMatch(/^session=user-42\.[A-Za-z0-9_-]{43}$/)
    expect(await read(pair)).toBe('user-42')
  })

  it('returns false for a tampered value or signature, null when missing', async () => {
    const pair = (await app.request('/set')).headers.get('set-cookie')!.split(';')[0]!
    expect(await read(pair.replace('user-42', 'user-43'))).toBe(false)
    expect(await read(`${pair.slice(0, -2)}AA`)).toBe(false)
    expect(await read('session=unsigned')).toBe(false)
    expect(await read('session=user.%%%')).toBe(false)
    expect(await read()).toBeNull()
  })

  it('accepts a CryptoKey as the secret', async () => {
    const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
    const keyed = new OpenSpeed().get('/', async (c) => {
      await setSignedCookie(c, 's', 'v', key)
      return c.text('ok')
    })
    const pair = (await keyed.request('/')).headers.get('set-cookie')!.split(';')[0]!
    const check = new OpenSpeed().get('/', async (c) => c.json(await getSignedCookie(c, 's', key)))
    expect(await (await check.request('/', { headers: { cookie: pair } })).json()).toBe('v')
  })
})
