import { connect } from 'node:net'
import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { problemOf, withServer } from '../../test/_serve.ts'
import { constantTimeEqual } from './_token.ts'
import { type CsrfVariables, csrf } from './index.ts'

function app(options?: Parameters<typeof csrf>[0]) {
  let writes = 0
  const instance = new OpenSpeed<{ Variables: CsrfVariables }>()
    .use(csrf(options))
    .get('/form', (c) => c.text(c.get('csrfToken') ?? 'no token'))
    .post('/transfer', async (c) => {
      writes++
      const type = c.req.header('content-type') ?? ''
      return c.text(type.includes('form') ? String((await c.req.formData()).get('amount')) : 'ok')
    })
  return { app: instance, writes: () => writes }
}

const post = (headers: Record<string, string>, body?: string): RequestInit => ({
  method: 'POST',
  headers,
  body,
})

describe('csrf: origin checks', () => {
  it('allows safe methods, same-origin requests and non-browser clients', async () => {
    const { app: instance, writes } = app()
    expect((await instance.request('/form', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(
      200,
    )
    expect((await instance.request('/transfer', post({ 'sec-fetch-site': 'same-origin' }))).status).toBe(200)
    expect((await instance.request('/transfer', post({ 'sec-fetch-site': 'none' }))).status).toBe(200)
    expect((await instance.request('/transfer', post({ origin: 'http://localhost' }))).status).toBe(200)
    expect((await instance.request('/transfer', post({}))).status).toBe(200)
    expect(writes()).toBe(4)
  })

  it('refuses a cross-site POST with 403 problem+json before the handler runs', async () => {
    const { app: instance, writes } = app()
    const attacks: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site', origin: 'https://sub.localhost' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost.evil.example' },
      { origin: 'http://localhost:8080' },
      // Sec-Fetch-Site wins over an Origin forged to look same-origin
      { 'sec-fetch-site': 'cross-site', origin: 'http://localhost' },
    ]
    for (const headers of attacks) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const response = await instance.request('/transfer', { method, headers })
        // refused before routing too: PUT/PATCH/DELETE have no route here and still get 403, not 405
        expect(response.status, `${method} ${JSON.stringify(headers)}`).toBe(403)
        expect((await problemOf(response)).code).toBe('OS_ERR_CSRF_ORIGIN_REJECTED')
      }
    }
    expect(writes()).toBe(0)
  })

  it('lets listed origins through, by list, pattern or function', async () => {
    const { app: listed } = app({ origin: ['https://admin.example.com', 'https://*.partner.test'] })
    const ok = await listed.request(
      '/transfer',
      post({ 'sec-fetch-site': 'cross-site', origin: 'https://admin.example.com' }),
    )
    expect(ok.status).toBe(200)
    expect((await listed.request('/transfer', post({ origin: 'https://a.partner.test' }))).status).toBe(200)
    const spoof = await listed.request('/transfer', post({ origin: 'https://admin.example.com.attacker' }))
    expect(spoof.status).toBe(403)
    const { app: fn } = app({ origin: (origin) => origin === 'https://ok.test' })
    expect(
      (await fn.request('/transfer', post({ origin: 'https://ok.test', 'sec-fetch-site': 'cross-site' })))
        .status,
    ).toBe(200)
    expect((await fn.request('/transfer', post({ origin: 'https://no.test' }))).status).toBe(403)
    expect(() => csrf({ origin: '*' })).toThrow(/disable/)
  })
})

function cookieOf(response: Response): { pair: string; token: string } {
  const header = response.headers.getSetCookie()[0]!
  const pair = header.split(';')[0]!
  return { pair, token: decodeURIComponent(pair.slice(pair.indexOf('=') + 1)) }
}

describe('csrf: double-submit token', () => {
  it('issues a token cookie and accepts the token from the header or the form field', async () => {
    const { app: instance, writes } = app({ token: true })
    const page = await instance.request('/form')
    const setCookie = page.headers.getSetCookie()[0]!
    expect(setCookie).toMatch(/^__Host-csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/)
    const { pair, token } = cookieOf(page)
    expect(await page.text()).toBe(token)
    const again = await instance.request('/form', { headers: { cookie: pair } })
    expect(again.headers.getSetCookie()).toEqual([])
    expect(await again.text()).toBe(token)
    const viaHeader = await instance.request('/transfer', post({ cookie: pair, 'x-csrf-token': token }))
    expect(viaHeader.status).toBe(200)
    const viaForm = await instance.request(
      '/transfer',
      post({ cookie: pair, 'content-type': 'application/x-www-form-urlencoded' }, `amount=5&_csrf=${token}`),
    )
    expect(await viaForm.text()).toBe('5')
    expect(writes()).toBe(2)
  })

  it('refuses missing, wrong and cookie-only tokens', async () => {
    const { app: instance, writes } = app({ token: true })
    const { pair, token } = cookieOf(await instance.request('/form'))
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
    const cases: [Record<string, string>, string | undefined, string][] = [
      [{}, undefined, 'OS_ERR_CSRF_TOKEN_MISSING'],
      [{ cookie: pair }, undefined, 'OS_ERR_CSRF_TOKEN_MISSING'],
      [{ 'x-csrf-token': token }, undefined, 'OS_ERR_CSRF_TOKEN_MISSING'],
      [{ cookie: pair, 'x-csrf-token': wrong }, undefined, 'OS_ERR_CSRF_TOKEN_INVALID'],
      [
        { cookie: pair, 'content-type': 'application/x-www-form-urlencoded' },
        '_csrf=nope',
        'OS_ERR_CSRF_TOKEN_INVALID',
      ],
      [{ cookie: pair, 'content-type': 'text/plain' }, `_csrf=${token}`, 'OS_ERR_CSRF_TOKEN_MISSING'],
      [{ cookie: '__Host-csrf=short', 'x-csrf-token': 'short' }, undefined, 'OS_ERR_CSRF_TOKEN_INVALID'],
    ]
    for (const [headers, body, code] of cases) {
      const response = await instance.request('/transfer', post(headers, body))
      expect(response.status, JSON.stringify(headers)).toBe(403)
      expect((await problemOf(response)).code, JSON.stringify(headers)).toBe(code)
    }
    expect(writes()).toBe(0)
  })

  it('signs the cookie with a secret and refuses planted or tampered cookies', async () => {
    const options = {
      token: {
        secret: 'k'.repeat(32),
        cookie: 'csrf',
        cookieOptions: { path: '/', sameSite: 'Lax' as const },
      },
    }
    const { app: instance } = app(options)
    const page = await instance.request('/form')
    const { pair, token } = cookieOf(page)
    const plain = await page.text()
    expect(token.startsWith(`${plain}.`)).toBe(true)
    expect((await instance.request('/transfer', post({ cookie: pair, 'x-csrf-token': plain }))).status).toBe(
      200,
    )
    // an attacker who can plant cookies (a sibling subdomain) but not sign them
    const forged = 'A'.repeat(43)
    const planted = await instance.request(
      '/transfer',
      post({ cookie: `csrf=${forged}`, 'x-csrf-token': forged }),
    )
    expect(planted.status).toBe(403)
    expect((await problemOf(planted)).code).toBe('OS_ERR_CSRF_TOKEN_INVALID')
    const tampered = `csrf=${encodeURIComponent(`${forged}.${token.split('.')[1]}`)}`
    expect(
      (await instance.request('/transfer', post({ cookie: tampered, 'x-csrf-token': forged }))).status,
    ).toBe(403)
    // the same cookie from an app with another secret is refused too
    const { app: other } = app({ token: { ...options.token, secret: 'x'.repeat(32) } })
    expect((await other.request('/transfer', post({ cookie: pair, 'x-csrf-token': plain }))).status).toBe(403)
  })

  it('compares in constant time over the whole string', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true)
    expect(constantTimeEqual('abc', 'abd')).toBe(false)
    expect(constantTimeEqual('abc', 'abcd')).toBe(false)
  })
})

describe('csrf over a real socket', () => {
  it('refuses a cross-site form POST and accepts the same-origin one through the Node adapter', async () => {
    const { app: instance, writes } = app({ token: true })
    await withServer(instance, async (url) => {
      const page = await fetch(`${url}/form`)
      const { pair, token } = cookieOf(page)
      await page.text()
      const form = { 'content-type': 'application/x-www-form-urlencoded', cookie: pair }
      const crossSite = await fetch(`${url}/transfer`, {
        method: 'POST',
        headers: { ...form, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        body: `amount=1000&_csrf=${token}`,
      })
      expect(crossSite.status).toBe(403)
      const forgedOrigin = await fetch(`${url}/transfer`, {
        method: 'POST',
        headers: { ...form, origin: 'https://evil.example' },
        body: `amount=1000&_csrf=${token}`,
      })
      expect(forgedOrigin.status).toBe(403)
      const sameOrigin = await fetch(`${url}/transfer`, {
        method: 'POST',
        headers: { ...form, origin: url, 'sec-fetch-site': 'same-origin' },
        body: `amount=7&_csrf=${token}`,
      })
      expect(await sameOrigin.text()).toBe('7')
      expect(writes()).toBe(1)
    })
  })

  it('answers a Host it cannot parse with 400 or 403, never 500, and compares default ports', async () => {
    const { app: instance } = app()
    await withServer(instance, async (url) => {
      const port = Number(new URL(url).port)
      const status = (head: string): Promise<number> =>
        new Promise((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () =>
            socket.write(`POST /transfer HTTP/1.1\r\n${head}content-length: 0\r\nconnection: close\r\n\r\n`),
          )
          let data = ''
          socket.setEncoding('latin1').on('data', (chunk: string) => {
            data += chunk
          })
          socket.on('error', reject)
          socket.on('close', () => resolve(Number(data.slice(9, 12))))
        })
      for (const host of ['localhost:99999', 'a:b', '[::1', 'localhost:']) {
        for (const origin of [`http://${host}`, 'http://localhost', 'null']) {
          expect([400, 403]).toContain(await status(`host: ${host}\r\norigin: ${origin}\r\n`))
        }
      }
      expect(await status('host: LOCALHOST:80\r\norigin: http://localhost\r\n')).toBe(200)
      expect(await status('host: localhost:8080\r\norigin: http://localhost\r\n')).toBe(403)
    })
  })
})
