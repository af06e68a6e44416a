import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { withServer } from '../../test/_serve.ts'
import { etag } from '../etag/index.ts'
import { cacheControl, toCacheControl } from './index.ts'

describe('toCacheControl', () => {
  it('builds header values from typed directives', () => {
    expect(toCacheControl({ public: true, maxAge: 3600, immutable: true })).toBe(
      'public, max-age=3600, immutable',
    )
    expect(toCacheControl({ noStore: true })).toBe('no-store')
    expect(
      toCacheControl({ private: ['Set-Cookie'], noCache: [], sMaxage: 0, staleWhileRevalidate: 30 }),
    ).toBe('private="Set-Cookie", no-cache, s-maxage=0, stale-while-revalidate=30')
    expect(
      toCacheControl({
        noCache: true,
        mustRevalidate: true,
        proxyRevalidate: true,
        noTransform: true,
        staleIfError: 5,
      }),
    ).toBe('no-cache, must-revalidate, proxy-revalidate, no-transform, stale-if-error=5')
    expect(toCacheControl({ mustUnderstand: true, noStore: true, public: false })).toBe(
      'must-understand, no-store',
    )
  })

  it('refuses contradictions and invalid values', () => {
    expect(() => toCacheControl({ public: true, private: true })).toThrow(/contradict/)
    expect(() => toCacheControl({ noStore: true, maxAge: 10 })).toThrow(/no-store/)
    expect(() => toCacheControl({ maxAge: -1 })).toThrow(/whole seconds/)
    expect(() => toCacheControl({ maxAge: 1.5 })).toThrow(/whole seconds/)
    expect(() => toCacheControl({ maxAge: true as unknown as number })).toThrow(/number of seconds/)
    expect(() => toCacheControl({ public: 5 as unknown as boolean })).toThrow(/not an age/)
    expect(() => toCacheControl({ private: ['bad header'] })).toThrow(/invalid header/)
    expect(() => toCacheControl({ immutable: 'yes' as unknown as boolean })).toThrow(/invalid value/)
    expect(() => toCacheControl({ maxAgee: 1 } as never)).toThrow(/unknown directive/)
    expect(() => toCacheControl({})).toThrow(/no directive/)
  })
})

describe('cacheControl', () => {
  const app = () =>
    new OpenSpeed()
      .use(etag())
      .use(cacheControl({ public: true, maxAge: 60 }))
      .get('/', (c) => c.text('ok'))
      .get('/own', (c) => c.text('ok', 200, { 'cache-control': 'no-store' }))
      .get('/error', (c) => c.text('no', 500))
      .post('/', (c) => c.text('ok'))

  it('sets the header on successful GET responses and keeps it on 304', async () => {
    const response = await app().request('/')
    expect(response.headers.get('cache-control')).toBe('public, max-age=60')
    const revalidated = await app().request('/', {
      headers: { 'if-none-match': response.headers.get('etag')! },
    })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('cache-control')).toBe('public, max-age=60')
  })

  it('leaves errors, unsafe methods and handler-set values alone unless told to override', async () => {
    expect((await app().request('/error')).headers.get('cache-control')).toBeNull()
    expect((await app().request('/', { method: 'POST' })).headers.get('cache-control')).toBeNull()
    expect((await app().request('/own')).headers.get('cache-control')).toBe('no-store')
    const forced = new OpenSpeed()
      .use(cacheControl({ private: true }, { override: true }))
      .get('/', (c) => c.text('ok', 200, { 'cache-control': 'public' }))
    expect((await forced.request('/')).headers.get('cache-control')).toBe('private')
  })

  it('is validated when created', () => {
    expect(() => cacheControl({ public: true, private: true })).toThrow(
      expect.objectContaining({ name: 'MiddlewareError' }),
    )
  })

  it('sets the header through the Node adapter', async () => {
    await withServer(app(), async (url) => {
      const response = await fetch(`${url}/`)
      expect(response.headers.get('cache-control')).toBe('public, max-age=60')
    })
  })
})
