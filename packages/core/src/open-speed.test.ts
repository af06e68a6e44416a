import { describe, expect, it, vi } from 'vitest'
import { HttpError } from './http-error.ts'
import { OpenSpeed } from './open-speed.ts'
import { toProblemResponse } from './problem.ts'

const json = (body: unknown) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
})

describe('routing', () => {
  const app = new OpenSpeed()
    .get('/', (c) => c.text('home'))
    .post('/items', (c) => c.text('created', 201))
    .put('/items/:id', (c) => c.text(`put ${c.req.param('id')}`))
    .patch('/items/:id', (c) => c.text(`patch ${c.req.param('id')}`))
    .delete('/items/:id', (c) => c.body(null, 204))
    .options('/opts', (c) => c.text('custom options'))
    .all('/any', (c) => c.text(`any ${c.req.method}`))
    .on(['PURGE', 'LINK'], '/cache', (c) => c.text(`on ${c.req.method}`))

  it('dispatches each method to its handler', async () => {
    expect(await (await app.request('/')).text()).toBe('home')
    const created = await app.request('/items', { method: 'POST' })
    expect([created.status, await created.text()]).toEqual([201, 'created'])
    expect(await (await app.request('/items/7', { method: 'PUT' })).text()).toBe('put 7')
    expect(await (await app.request('/items/7', { method: 'PATCH' })).text()).toBe('patch 7')
    expect((await app.request('/items/7', { method: 'DELETE' })).status).toBe(204)
    expect(await (await app.request('/opts', { method: 'OPTIONS' })).text()).toBe('custom options')
    expect(await (await app.request('/any', { method: 'DELETE' })).text()).toBe('any DELETE')
    expect(await (await app.request('/cache', { method: 'PURGE' })).text()).toBe('on PURGE')
  })

  it('answers HEAD from GET without a body', async () => {
    const response = await app.request('/', { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=UTF-8')
    expect(await response.text()).toBe('')
  })

  it('gives HEAD the Content-Length of the GET body, counted in bytes', async () => {
    const bodies = new OpenSpeed()
      .get('/text', (c) => c.text('héllo'))
      .get('/bytes', (c) => c.body(new Uint8Array(7)))
      .get('/declared', (c) => c.body('abc', 200, { 'content-length': '3' }))
      .get('/stream', (c) => c.body(new ReadableStream({ start: (controller) => controller.close() })))
    const length = async (path: string) =>
      (await bodies.request(path, { method: 'HEAD' })).headers.get('content-length')
    expect(await length('/text')).toBe('6')
    expect(await length('/bytes')).toBe('7')
    expect(await length('/declared')).toBe('3')
    expect(await length('/stream')).toBeNull()
  })

  it('answers 405 with Allow when the path exists for other methods', async () => {
    const response = await app.request('/items/7', { method: 'POST' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('PUT, PATCH, DELETE, OPTIONS')
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toMatchObject({ status: 405, code: 'OS_ERR_METHOD_NOT_ALLOWED' })
  })

  it('answers an unknown method on a known path with 405', async () => {
    const response = await app.request('/', { method: 'BREW' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
  })

  it('answers OPTIONS automatically with 204 and Allow', async () => {
    const response = await app.request('/items/1', { method: 'OPTIONS' })
    expect(response.status).toBe(204)
    expect(response.headers.get('allow')).toBe('PUT, PATCH, DELETE, OPTIONS')
  })

  it('answers unknown paths with a 404 problem', async () => {
    const response = await app.request('/nope?x=1')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No route matches GET /nope',
      instance: '/nope',
      code: 'OS_ERR_NOT_FOUND',
    })
  })

  it('writes the 404 body byte for byte as toProblemResponse would, escapes included', async () => {
    const path = '/say/"hi"\\\u2713'
    const response = await app.request('/say/%22hi%22%5C%E2%9C%93')
    const expected = toProblemResponse(
      HttpError.fromCode('OS_ERR_NOT_FOUND', { detail: `No route matches GET ${path}` }),
      path,
    )
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.text()).toBe(expected.body)
  })

  it('answers malformed percent-encoding with 400, not 500', async () => {
    const response = await app.request('/items/%E0%A4%A', { method: 'PUT' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      code: 'OS_ERR_REQUEST_MALFORMED_URL',
      instance: '/items/%E0%A4%A',
    })
  })

  it('lists its routes', () => {
    expect(app.routes().map(({ method, path }) => `${method} ${path}`)).toContain('PUT /items/:id')
    expect(app.routes()).toHaveLength(9)
  })

  it('rejects a route without a handler', () => {
    expect(() => new OpenSpeed().get('/x' as string, ...([] as unknown as [() => string]))).toThrow(
      /has no handler/,
    )
  })
})

describe('trailing slashes', () => {
  it('treats /a and /a/ as different paths by default', async () => {
    const app = new OpenSpeed().get('/a', (c) => c.text('a'))
    expect((await app.request('/a/')).status).toBe(404)
  })

  it('redirects to the registered form with 308, keeping the query', async () => {
    const app = new OpenSpeed({ trailingSlash: 'redirect' })
      .get('/a', (c) => c.text('a'))
      .get('/b/', (c) => c.text('b'))
    const toA = await app.request('/a/?x=1', { redirect: 'manual' })
    expect([toA.status, toA.headers.get('location')]).toEqual([308, '/a?x=1'])
    const toB = await app.request('/b')
    expect([toB.status, toB.headers.get('location')]).toEqual([308, '/b/'])
    expect((await app.request('/c/')).status).toBe(404)
  })
})

describe('fetch and request', () => {
  it('passes env and execution context through', async () => {
    const waitUntil = vi.fn()
    const app = new OpenSpeed<{ Bindings: { TOKEN: string } }>().get('/', (c) => {
      c.executionCtx?.waitUntil(Promise.resolve())
      return c.text(c.env.TOKEN)
    })
    const response = await app.fetch(new Request('http://x/'), { TOKEN: 'abc' }, { waitUntil })
    expect(await response.text()).toBe('abc')
    expect(waitUntil).toHaveBeenCalledOnce()
  })

  it('accepts absolute URLs and relative paths in request()', async () => {
    const app = new OpenSpeed().get('/p', (c) => c.text(c.req.url))
    expect(await (await app.request('https://example.test/p')).text()).toBe('https://example.test/p')
    expect(await (await app.request('p')).text()).toBe('http://localhost/p')
  })

  it('posts JSON through the test helper', async () => {
    const app = new OpenSpeed().post('/echo', async (c) => c.json(await c.req.json(), 201))
    const response = await app.request('/echo', json({ a: 1 }))
    expect([response.status, await response.json()]).toEqual([201, { a: 1 }])
  })
})

describe('c.req.routePath', () => {
  const admin = new OpenSpeed().get('/users/:id', (c) => c.text(c.req.routePath ?? 'none'))
  const app = new OpenSpeed()
    .use(async (c, next) => {
      await next()
      c.header('x-route', c.req.routePath ?? 'unmatched')
    })
    .get('/static', (c) => c.text(c.req.routePath ?? 'none'))
    .get('/files/*', (c) => c.text(c.req.routePath ?? 'none'))
    .route('/admin', admin)

  it('is the pattern that matched, mounts included, not the requested path', async () => {
    expect(await (await app.request('/static')).text()).toBe('/static')
    expect(await (await app.request('/files/a/b.txt')).text()).toBe('/files/*')
    const response = await app.request('/admin/users/42')
    expect(await response.text()).toBe('/admin/users/:id')
    expect(response.headers.get('x-route')).toBe('/admin/users/:id')
  })

  it('is undefined for requests no route matched', async () => {
    const response = await app.request('/nowhere')
    expect(response.status).toBe(404)
    expect(response.headers.get('x-route')).toBe('unmatched')
  })
})

describe('app.routes()', () => {
  it('lists each route with its middleware and handler in the order they run', () => {
    const auth = async (_c: unknown, next: () => Promise<void>) => next()
    const handler = () => 'ok'
    const app = new OpenSpeed().use('/api/*', auth).get('/api/ping', handler).get('/open', handler)
    expect(app.routes()).toEqual([
      { method: 'GET', path: '/api/ping', handlers: [auth, handler] },
      { method: 'GET', path: '/open', handlers: [handler] },
    ])
  })
})
