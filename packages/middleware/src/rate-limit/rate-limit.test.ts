import { OpenSpeed } from '@openspeed/core'
import { WebRequestSource } from '@openspeed/core/adapter'
import { describe, expect, it } from 'vitest'
import { problemOf, withServer } from '../../test/_serve.ts'
import { MemoryStore, type RateLimitOptions, rateLimit } from './index.ts'

function limited(options: Partial<RateLimitOptions>, now = () => 0): OpenSpeed {
  const store = new MemoryStore({ now })
  return new OpenSpeed()
    .use(rateLimit({ limit: 2, windowMs: 60_000, store, ...options }))
    .get('/', (c) => c.text('ok'))
    .get('/boom', () => {
      throw new Error('boom')
    })
}

function from(app: OpenSpeed, address: string | undefined, headers: Record<string, string> = {}, path = '/') {
  const remote = address === undefined ? {} : { address }
  return app.respond(new WebRequestSource(new Request(`http://localhost${path}`, { headers }), { remote }))
}

describe('rateLimit', () => {
  it('sends the IETF RateLimit headers and answers 429 problem+json with Retry-After', async () => {
    let now = 1_000
    const app = limited({}, () => now)
    const first = await from(app, '203.0.113.9')
    expect(first.status).toBe(200)
    expect(first.headers.get('ratelimit-policy')).toBe('"default";q=2;w=60')
    expect(first.headers.get('ratelimit')).toBe('"default";r=1;t=60')
    now += 30_000
    expect((await from(app, '203.0.113.9')).headers.get('ratelimit')).toBe('"default";r=0;t=30')
    now += 500
    const refused = await from(app, '203.0.113.9')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('30')
    expect(refused.headers.get('ratelimit')).toBe('"default";r=0;t=30')
    expect(refused.headers.get('ratelimit-policy')).toBe('"default";q=2;w=60')
    expect(await problemOf(refused)).toMatchObject({ status: 429, code: 'OS_ERR_RATE_LIMIT_EXCEEDED' })
    // another client has its own quota
    expect((await from(app, '203.0.113.10')).status).toBe(200)
    now += 30_000
    expect((await from(app, '203.0.113.9')).status).toBe(200)
  })

  it('keeps the headers on error responses and lists stacked policies', async () => {
    const store = new MemoryStore()
    const app = new OpenSpeed({ logError: () => {} })
      .use(rateLimit({ limit: 100, windowMs: 3_600_000, name: 'hourly', store }))
      .use(rateLimit({ limit: 5, windowMs: 1000, algorithm: 'token-bucket', name: 'burst', store }))
      .get('/boom', () => {
        throw new Error('boom')
      })
    const response = await from(app, '192.0.2.1', {}, '/boom')
    expect(response.status).toBe(500)
    expect(response.headers.get('ratelimit-policy')).toBe('"hourly";q=100;w=3600, "burst";q=5;w=1')
    expect(response.headers.get('ratelimit')).toBe('"hourly";r=99;t=3600, "burst";r=4;t=1')
  })

  it('groups IPv6 clients by /64 and never trusts X-Forwarded-For by default', async () => {
    const app = limited({ limit: 1 })
    expect((await from(app, '2001:db8:1:2::1')).status).toBe(200)
    expect((await from(app, '2001:db8:1:2:ffff::9')).status).toBe(429)
    expect((await from(app, '2001:db8:1:3::1')).status).toBe(200)
    expect((await from(app, '198.51.100.1', { 'x-forwarded-for': '1.1.1.1' })).status).toBe(200)
    expect((await from(app, '198.51.100.1', { 'x-forwarded-for': '2.2.2.2' })).status).toBe(429)
    expect((await from(app, '::ffff:198.51.100.1')).status).toBe(429)
  })

  it('never puts every client in one bucket when the server reports no client address', async () => {
    const logged: unknown[] = []
    const app = new OpenSpeed({ logError: (error) => logged.push(error) })
      .use(rateLimit({ limit: 1, windowMs: 60_000 }))
      .get('/', (c) => c.text('ok'))
    for (let i = 0; i < 2; i++) {
      const response = await app.request('/')
      expect(response.status).toBe(500)
      expect(await response.text()).not.toContain('getConnInfo')
    }
    expect(logged).toHaveLength(2)
    expect(logged[0]).toMatchObject({
      name: 'MiddlewareError',
      code: 'OS_ERR_RATE_LIMIT_UNKNOWN_ADDRESS',
      message: expect.stringMatching(/getConnInfo\(c\) is empty.*adapter/),
    })
    const quiet = new OpenSpeed({ logError: () => {} }).use(rateLimit({ limit: 1, windowMs: 60_000 }))
    expect(
      (
        await from(
          quiet.get('/', (c) => c.text('ok')),
          'not-an-ip',
        )
      ).status,
    ).toBe(500)
  })

  it('shares one bucket for unknown addresses only when told to, and keys by `key` without one', async () => {
    const shared = limited({ limit: 1, onUnknownAddress: 'shared' })
    expect((await shared.request('/')).status).toBe(200)
    expect((await shared.request('/')).status).toBe(429)
    const keyed = limited({ limit: 1, key: (c) => c.req.header('x-api-key') })
    expect((await keyed.request('/', { headers: { 'x-api-key': 'a' } })).status).toBe(200)
    expect((await keyed.request('/', { headers: { 'x-api-key': 'b' } })).status).toBe(200)
    // a malformed hop written behind a trusted proxy is client input: one bucket for it, never a 500
    const proxied = limited({ limit: 1, trustProxy: 1 })
    expect((await from(proxied, '10.0.0.1', { 'x-forwarded-for': 'garbage' })).status).toBe(200)
    expect((await from(proxied, '10.0.0.1', { 'x-forwarded-for': 'more garbage' })).status).toBe(429)
  })

  it('keys each client by its address on a real server', async () => {
    await withServer(limited({ limit: 1 }), async (url) => {
      expect((await fetch(url)).status).toBe(200)
      const second = await fetch(url)
      expect(second.status).toBe(429)
      expect((await problemOf(second)).code).toBe('OS_ERR_RATE_LIMIT_EXCEEDED')
    })
  })

  it('uses the forwarded client behind trusted proxies', async () => {
    const app = limited({ limit: 1, trustProxy: ['10.0.0.0/8'] })
    expect((await from(app, '10.0.0.1', { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200)
    expect((await from(app, '10.0.0.2', { 'x-forwarded-for': '198.51.100.2' })).status).toBe(200)
    expect((await from(app, '10.0.0.3', { 'x-forwarded-for': '198.51.100.1' })).status).toBe(429)
  })

  it('keys by a user or API key, falling back to the IP', async () => {
    const app = limited({ limit: 1, key: async (c) => c.req.header('x-api-key') })
    expect((await from(app, '192.0.2.1', { 'x-api-key': 'alice' })).status).toBe(200)
    expect((await from(app, '192.0.2.2', { 'x-api-key': 'alice' })).status).toBe(429)
    expect((await from(app, '192.0.2.1', { 'x-api-key': 'bob' })).status).toBe(200)
    expect((await from(app, '192.0.2.1')).status).toBe(200)
    expect((await from(app, '192.0.2.1')).status).toBe(429)
  })

  it('skips requests and can leave the headers out', async () => {
    const app = limited({ limit: 1, headers: false, skip: (c) => c.req.header('x-health') === '1' })
    for (let i = 0; i < 3; i++) expect((await from(app, '192.0.2.1', { 'x-health': '1' })).status).toBe(200)
    const counted = await from(app, '192.0.2.1')
    expect(counted.headers.get('ratelimit')).toBeNull()
    const refused = await from(app, '192.0.2.1')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('60')
    expect(refused.headers.get('ratelimit')).toBeNull()
  })

  it('refuses bad options when created', () => {
    const invalid = expect.objectContaining({ code: 'OS_ERR_RATE_LIMIT_INVALID_OPTIONS' })
    expect(() => rateLimit({ limit: 0, windowMs: 1000 })).toThrow(invalid)
    expect(() => rateLimit({ limit: 1.5, windowMs: 1000 })).toThrow(invalid)
    expect(() => rateLimit({ limit: 1, windowMs: 0 })).toThrow(invalid)
    expect(() => rateLimit({ limit: 1, windowMs: 1000, algorithm: 'leaky' as 'fixed-window' })).toThrow(
      invalid,
    )
    expect(() => rateLimit({ limit: 1, windowMs: 1000, name: 'a"b' })).toThrow(invalid)
    expect(() => rateLimit({ limit: 1, windowMs: 1000, ipv6Subnet: 129 })).toThrow(invalid)
    expect(() => rateLimit({ limit: 1, windowMs: 1000, trustProxy: ['x'] })).toThrow(
      expect.objectContaining({ code: 'OS_ERR_TRUST_PROXY_INVALID' }),
    )
  })

  it.each(['fixed-window', 'sliding-window', 'token-bucket'] as const)(
    'lets exactly 10 of 100 concurrent requests through a real server (%s)',
    async (algorithm) => {
      const store = new MemoryStore()
      const app = new OpenSpeed()
        .use(rateLimit({ limit: 10, windowMs: 600_000, algorithm, store }))
        .get('/', async (c) => {
          await new Promise((resolve) => setTimeout(resolve, 5))
          return c.text('ok')
        })
      await withServer(app, async (url) => {
        const responses = await Promise.all(Array.from({ length: 100 }, () => fetch(url)))
        const statuses = responses.map((response) => response.status)
        await Promise.all(responses.map((response) => response.arrayBuffer()))
        expect(statuses.filter((status) => status === 200)).toHaveLength(10)
        expect(statuses.filter((status) => status === 429)).toHaveLength(90)
      })
      store.close()
    },
  )
})
