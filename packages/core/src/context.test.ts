import { describe, expect, it, vi } from 'vitest'
import { FastResponse } from './fast-response.ts'
import { OpenSpeed } from './open-speed.ts'

describe('response helpers', () => {
  const app = new OpenSpeed<{ Variables: { user: string } }>()
    .get('/json', (c) => c.json({ ok: true }, 201, { 'X-Extra': '1' }))
    .get('/text', (c) => c.text('hi'))
    .get('/html', (c) => c.html('<h1>hi</h1>'))
    .get('/body', (c) =>
      c.body(new Uint8Array([104, 105]), 200, { 'content-type': 'application/octet-stream' }),
    )
    .get('/redirect', (c) => c.redirect('/target'))
    .get('/moved', (c) => c.redirect('/new', 301))
    .get('/status', (c) => {
      c.status(202)
      return c.json({ accepted: true })
    })
    .get('/not-found', (c) => c.notFound())
    .get('/undefined-json', (c) => c.json(undefined))
    .get('/vars', async (c) => {
      c.set('user', 'ada')
      return c.json({ user: c.get('user'), all: c.var })
    })

  it('sets status, content type and extra headers', async () => {
    const json = await app.request('/json')
    expect([json.status, json.headers.get('content-type'), json.headers.get('x-extra')]).toEqual([
      201,
      'application/json',
      '1',
    ])
    expect(await json.json()).toEqual({ ok: true })
    expect((await app.request('/text')).headers.get('content-type')).toBe('text/plain; charset=UTF-8')
    expect((await app.request('/html')).headers.get('content-type')).toBe('text/html; charset=UTF-8')
    const body = await app.request('/body')
    expect([body.headers.get('content-type'), await body.text()]).toEqual(['application/octet-stream', 'hi'])
    expect((await app.request('/status')).status).toBe(202)
    expect(await (await app.request('/undefined-json')).text()).toBe('null')
  })

  it('redirects with 302 by default', async () => {
    const found = await app.request('/redirect')
    expect([found.status, found.headers.get('location')]).toEqual([302, '/target'])
    expect((await app.request('/moved')).status).toBe(301)
  })

  it('answers the app not-found response from c.notFound()', async () => {
    expect((await app.request('/not-found')).status).toBe(404)
  })

  it('keeps typed variables for the request', async () => {
    expect(await (await app.request('/vars')).json()).toEqual({ user: 'ada', all: { user: 'ada' } })
  })
})

describe('c.header()', () => {
  it('keeps several Set-Cookie headers separate and appends others on request', async () => {
    const app = new OpenSpeed().get('/', (c) => {
      c.header('Set-Cookie', 'a=1')
      c.header('set-cookie', 'b=2')
      c.header('vary', 'accept')
      c.header('vary', 'origin', { append: true })
      c.header('x-removed', 'soon')
      c.header('x-removed', undefined)
      return c.text('ok')
    })
    const response = await app.request('/')
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(response.headers.get('vary')).toBe('accept, origin')
    expect(response.headers.has('x-removed')).toBe(false)
  })

  it('refuses CR, LF and NUL in values and invalid names before anything is sent', async () => {
    const logError = vi.fn()
    const app = new OpenSpeed({ logError })
      .get('/value', (c) => {
        c.header('location', `/next\r\nSet-Cookie: admin=1`)
        return c.text('unreachable')
      })
      .get('/name', (c) => {
        c.header('bad name', 'x')
        return c.text('unreachable')
      })
      .get('/helper', (c) => c.text('x', 200, { 'x-a': 'line\nbreak' }))
      .get('/redirect', (c) => c.redirect('/a\r\nx: y'))
    for (const path of ['/value', '/name', '/helper', '/redirect']) {
      const response = await app.request(path)
      expect(response.status, path).toBe(500)
      expect(response.headers.get('set-cookie'), path).toBeNull()
      expect(await response.text(), path).not.toMatch(/admin|break/)
    }
    expect(logError.mock.calls.map(([error]) => (error as { code: string }).code)).toEqual([
      'OS_ERR_RESPONSE_INVALID_HEADER',
      'OS_ERR_RESPONSE_INVALID_HEADER',
      'OS_ERR_RESPONSE_INVALID_HEADER',
      'OS_ERR_RESPONSE_INVALID_HEADER',
    ])
  })

  it('changes headers of a returned Web Response after next(), copying immutable ones', async () => {
    const app = new OpenSpeed()
      .use(async (c, next) => {
        await next()
        c.header('x-one', '1')
        c.header('x-one', '2', { append: true })
        c.header('set-cookie', 'a=1')
        c.header('x-gone', undefined)
      })
      .get('/', () => new Response('web', { headers: { 'x-gone': 'bye' } }))
      .get('/immutable', () => Response.redirect('http://localhost/x'))
    const response = await app.request('/')
    expect([
      response.headers.get('x-one'),
      response.headers.get('set-cookie'),
      response.headers.has('x-gone'),
    ]).toEqual(['1, 2', 'a=1', false])
    const copied = await app.request('/immutable', { redirect: 'manual' })
    expect([copied.status, copied.headers.get('x-one')]).toEqual([302, '1, 2'])
  })

  it('merges headers set before a handler into a Response it returns', async () => {
    const app = new OpenSpeed()
      .use(async (c, next) => {
        c.header('x-before', 'yes')
        c.header('content-type', 'text/ignored')
        await next()
      })
      .get('/', () => new Response('{}', { headers: { 'content-type': 'application/json' } }))
      .get('/immutable', () => Response.redirect('http://localhost/y'))
    const response = await app.request('/')
    expect([response.headers.get('x-before'), response.headers.get('content-type')]).toEqual([
      'yes',
      'application/json',
    ])
    expect((await app.request('/immutable', { redirect: 'manual' })).headers.get('x-before')).toBe('yes')
  })

  it('produces a FastResponse that converts to a Web Response', () => {
    const response = new FastResponse(201, { 'set-cookie': ['a=1', 'b=2'], 'x-a': 'b' }, 'body').toResponse()
    expect(response.status).toBe(201)
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
  })
})
