import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { withServer } from '../../test/_serve.ts'
import { computeEtag, etag } from './index.ts'

function app(options?: Parameters<typeof etag>[0]) {
  return new OpenSpeed()
    .use(etag(options))
    .get('/doc', (c) => c.json({ hello: 'world' }, 200, { 'cache-control': 'max-age=60', vary: 'Accept' }))
    .get('/bytes', (c) => c.body(new TextEncoder().encode('bytes')))
    .get('/own', () => new Response('own', { headers: { etag: '"v1"' } }))
    .get('/stream', (c) => c.stream(async (s) => s.write('chunk')))
    .get('/created', (c) => c.text('new', 201))
    .get('/missing', (c) => c.text('no', 404))
    .post('/doc', (c) => c.json({ hello: 'world' }))
}

describe('etag', () => {
  it('adds a strong SHA-1 tag and answers 304 to a matching If-None-Match', async () => {
    const first = await app().request('/doc')
    const tag = first.headers.get('etag')!
    expect(tag).toBe(await computeEtag('{"hello":"world"}'))
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
    const again = await app().request('/doc', { headers: { 'if-none-match': tag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(tag)
    expect(again.headers.get('cache-control')).toBe('max-age=60')
    expect(again.headers.get('vary')).toBe('Accept')
    expect(again.headers.get('content-type')).toBeNull()
  })

  it('matches lists, *, and weak tags with the weak comparison', async () => {
    const tag = (await app().request('/doc')).headers.get('etag')!
    const hits = [`"other", ${tag}`, '*', `W/${tag}`, ` ${tag} `]
    for (const condition of hits) {
      expect(
        (await app().request('/doc', { headers: { 'if-none-match': condition } })).status,
        condition,
      ).toBe(304)
    }
    const misses = ['"other"', 'W/"other", "x"', tag.slice(1, -1), 'garbage, ,', `"${tag}"`]
    for (const condition of misses) {
      expect(
        (await app().request('/doc', { headers: { 'if-none-match': condition } })).status,
        condition,
      ).toBe(200)
    }
  })

  it('generates weak tags on request and uses tags the handler set', async () => {
    const weak = await app({ weak: true }).request('/bytes')
    expect(weak.headers.get('etag')).toBe(await computeEtag(new TextEncoder().encode('bytes'), true))
    const own = await app().request('/own', { headers: { 'if-none-match': 'W/"v1"' } })
    expect(own.status).toBe(304)
    expect(own.headers.get('etag')).toBe('"v1"')
  })

  it('leaves other methods, statuses and streams alone', async () => {
    expect((await app().request('/doc', { method: 'POST' })).headers.get('etag')).toBeNull()
    // every 2xx is revalidated (RFC 9110 §13.2.1), other statuses never
    expect((await app().request('/created')).headers.get('etag')).toBe(await computeEtag('new'))
    const missing = await app().request('/missing', { headers: { 'if-none-match': '*' } })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('etag')).toBeNull()
    const stream = await app().request('/stream', { headers: { 'if-none-match': '*' } })
    expect(stream.status).toBe(200)
    expect(await stream.text()).toBe('chunk')
  })

  it('computes tags for array buffers', async () => {
    expect(await computeEtag(new TextEncoder().encode('x').buffer as ArrayBuffer)).toBe(
      await computeEtag('x'),
    )
  })
})

describe('etag over a real socket', () => {
  it('revalidates GET and HEAD through the Node adapter', async () => {
    await withServer(app(), async (url) => {
      const first = await fetch(`${url}/doc`)
      const tag = first.headers.get('etag')!
      await first.text()
      const revalidated = await fetch(`${url}/doc`, { headers: { 'if-none-match': tag } })
      expect(revalidated.status).toBe(304)
      const head = await fetch(`${url}/doc`, { method: 'HEAD', headers: { 'if-none-match': tag } })
      expect(head.status).toBe(304)
      const stream = await fetch(`${url}/own`, { headers: { 'if-none-match': '"v1"' } })
      expect(stream.status).toBe(304)
    })
  })
})
