import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { problemOf, withServer } from '../../test/_serve.ts'
import { cors } from './index.ts'

function appWith(options: Parameters<typeof cors>[0]) {
  let handled = 0
  const app = new OpenSpeed()
    .use(cors(options))
    .get('/data', (c) => c.json({ ok: true }))
    .post('/data', () => {
      handled++
      return { ok: true }
    })
  return { app, handled: () => handled }
}

const preflight = (origin: string, method = 'POST', headers?: string): RequestInit => ({
  method: 'OPTIONS',
  headers: {
    origin,
    'access-control-request-method': method,
    ...(headers === undefined ? {} : { 'access-control-request-headers': headers }),
  },
})

describe('cors: origin matching', () => {
  it("answers any origin with '*' and no Vary by default", async () => {
    const { app } = appWith({})
    const response = await app.request('/data', { headers: { origin: 'https://a.example' } })
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('vary')).toBeNull()
    const plain = await app.request('/data')
    expect(plain.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('reflects a listed origin and varies on Origin, allowed or not', async () => {
    const { app } = appWith({
      origin: ['https://app.example.com'],
      credentials: true,
      exposeHeaders: ['X-Total'],
    })
    const ok = await app.request('/data', { headers: { origin: 'https://app.example.com' } })
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true')
    expect(ok.headers.get('access-control-expose-headers')).toBe('X-Total')
    expect(ok.headers.get('vary')).toBe('Origin')
    const refused = await app.request('/data', { headers: { origin: 'https://evil.example' } })
    expect(refused.status).toBe(200)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    expect(refused.headers.get('access-control-allow-credentials')).toBeNull()
    expect(refused.headers.get('vary')).toBe('Origin')
    const none = await app.request('/data')
    expect(none.headers.get('vary')).toBe('Origin')
  })

  it('adds Origin to an existing Vary instead of replacing it', async () => {
    const app = new OpenSpeed()
      .use(cors({ origin: 'https://app.example.com' }))
      .get('/', (c) => c.text('x', 200, { vary: 'Accept-Encoding' }))
      .get('/star', (c) => c.text('x', 200, { vary: '*' }))
    const response = await app.request('/', { headers: { origin: 'https://app.example.com' } })
    expect(response.headers.get('vary')).toBe('Accept-Encoding, Origin')
    expect((await app.request('/star')).headers.get('vary')).toBe('*')
  })

  it('matches subdomain patterns and RegExps against the whole origin only', async () => {
    const { app } = appWith({ origin: ['https://*.example.com', /https:\/\/.*\.partner\.test/] })
    const allowed = ['https://a.example.com', 'https://a.b.example.com', 'https://x.partner.test']
    for (const origin of allowed) {
      const response = await app.request('/data', { headers: { origin } })
      expect(response.headers.get('access-control-allow-origin'), origin).toBe(origin)
    }
    const attacks = [
      'https://evil.example.com.attacker',
      'https://example.com',
      'https://evilexample.com',
      'http://a.example.com',
      'https://x.partner.test.attacker',
      'https://a.example.com:444',
      'null',
    ]
    for (const origin of attacks) {
      const response = await app.request('/data', { headers: { origin } })
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull()
      const pre = await app.request('/data', preflight(origin))
      expect(pre.status, origin).toBe(403)
      expect(pre.headers.get('access-control-allow-origin')).toBeNull()
    }
  })

  it('accepts a function deciding per request', async () => {
    const { app } = appWith({
      origin: async (origin, c) => origin.endsWith('.trusted.test') && c.req.path === '/data',
    })
    const ok = await app.request('/data', { headers: { origin: 'https://a.trusted.test' } })
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://a.trusted.test')
    const no = await app.request('/data', { headers: { origin: 'https://a.other.test' } })
    expect(no.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('rejects impossible configurations when the middleware is created', () => {
    expect(() => cors({ credentials: true })).toThrow(/credentials/)
    expect(() => cors({ origin: 'https://app.example.com/' })).toThrow(/not an origin/)
    expect(() => cors({ origin: 'app.example.com' })).toThrow(/not an origin/)
    expect(() => cors({ maxAge: -1 })).toThrow(/maxAge/)
    expect(() => cors({ allowHeaders: ['bad header'] })).toThrow(/allowHeaders/)
  })
})

describe('cors: preflight', () => {
  it('answers an allowed preflight with 204 without running the handler', async () => {
    const { app, handled } = appWith({ origin: 'https://app.example.com', credentials: true, maxAge: 3600 })
    const response = await app.request(
      '/data',
      preflight('https://app.example.com', 'POST', 'Content-Type, X-Trace'),
    )
    expect(response.status).toBe(204)
    expect(handled()).toBe(0)
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, PUT, POST, DELETE, PATCH')
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, x-trace')
    expect(response.headers.get('access-control-max-age')).toBe('3600')
    expect(response.headers.get('vary')).toBe('Origin, Access-Control-Request-Headers')
    expect(await response.text()).toBe('')
  })

  it('answers preflights for paths without an OPTIONS route and omits Max-Age when 0', async () => {
    const { app } = appWith({ maxAge: 0 })
    const response = await app.request('/data', preflight('https://any.example', 'PUT'))
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-max-age')).toBeNull()
    expect(response.headers.get('access-control-allow-headers')).toBeNull()
  })

  it('refuses a disallowed origin with 403 problem+json and no CORS headers', async () => {
    const { app, handled } = appWith({ origin: 'https://app.example.com' })
    const response = await app.request('/data', preflight('https://evil.example'))
    expect(response.status).toBe(403)
    expect(handled()).toBe(0)
    expect(response.headers.get('vary')).toBe('Origin')
    for (const [name] of response.headers) expect(name.startsWith('access-control-')).toBe(false)
    expect(await problemOf(response)).toMatchObject({ code: 'OS_ERR_CORS_ORIGIN_NOT_ALLOWED', status: 403 })
  })

  it('refuses methods and headers outside the configured lists', async () => {
    const { app } = appWith({ allowMethods: ['GET', 'POST'], allowHeaders: ['Content-Type'] })
    const method = await app.request('/data', preflight('https://a.example', 'DELETE'))
    expect(method.status).toBe(403)
    expect((await problemOf(method)).code).toBe('OS_ERR_CORS_METHOD_NOT_ALLOWED')
    const headers = await app.request(
      '/data',
      preflight('https://a.example', 'POST', 'content-type, x-secret'),
    )
    expect(headers.status).toBe(403)
    expect(await problemOf(headers)).toMatchObject({ code: 'OS_ERR_CORS_HEADERS_NOT_ALLOWED' })
    const ok = await app.request('/data', preflight('https://a.example', 'POST', 'Content-Type'))
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-headers')).toBe('Content-Type')
    expect(ok.headers.get('vary')).toBeNull()
  })

  it('answers malformed preflights with 400', async () => {
    const { app } = appWith({})
    const badHeaders = await app.request('/data', preflight('https://a.example', 'POST', 'x-a, (bad)'))
    expect(badHeaders.status).toBe(400)
    expect((await problemOf(badHeaders)).code).toBe('OS_ERR_CORS_INVALID_PREFLIGHT')
    const badMethod = await app.request('/data', preflight('https://a.example', 'PO ST'))
    expect(badMethod.status).toBe(400)
  })
})

describe('cors over a real socket', () => {
  it('answers preflight and actual requests through the Node adapter', async () => {
    const { app } = appWith({ origin: ['https://app.example.com'], credentials: true })
    await withServer(app, async (url) => {
      const pre = await fetch(`${url}/data`, preflight('https://app.example.com', 'POST', 'content-type'))
      expect(pre.status).toBe(204)
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
      const post = await fetch(`${url}/data`, {
        method: 'POST',
        headers: { origin: 'https://app.example.com' },
      })
      expect(post.headers.get('access-control-allow-credentials')).toBe('true')
      const reflected = await fetch(`${url}/data`, {
        headers: { origin: 'https://app.example.com.attacker' },
      })
      expect(reflected.headers.get('access-control-allow-origin')).toBeNull()
      expect(reflected.headers.get('vary')).toBe('Origin')
    })
  })
})
