import { describe, expect, it, vi } from 'vitest'
import { HttpError } from './http-error.ts'
import { OpenSpeed } from './open-speed.ts'

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

  it('answers malformed percent-encoding with 400, not 500', async () => {
    const response = await app.request('/items/%E0%A4%A', { method: 'PUT' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      code: 'OS_ERR_REQUEST_MALFORMED_URL',
      instance: '/items/%E0%A4%A',
    })
  })

  it('lists its routes', () => {
    expect(app.routes()).toContainEqual({ method: 'PUT', path: '/items/:id' })
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

describe('middleware', () => {
  it('runs global and scoped middleware in order, around the handler', async () => {
    const calls: string[] = []
    const app = new OpenSpeed()
      .use(async (c, next) => {
        calls.push('global:before')
        await next()
        calls.push(`global:after:${c.res?.status}`)
      })
      .use('/api/*', async (_c, next) => {
        calls.push('api')
        await next()
      })
      .get('/api/users', (c) => {
        calls.push('handler')
        return c.text('users')
      })
      .get('/public', (c) => c.text('public'))
    await app.request('/api/users')
    expect(calls).toEqual(['global:before', 'api', 'handler', 'global:after:200'])
    calls.length = 0
    await app.request('/public')
    expect(calls).toEqual(['global:before', 'global:after:200'])
  })

  it('lets middleware answer early', async () => {
    const handler = vi.fn()
    const app = new OpenSpeed().use((c) => c.json({ blocked: true }, 403)).get('/', handler)
    const response = await app.request('/')
    expect(response.status).toBe(403)
    expect(handler).not.toHaveBeenCalled()
  })

  it('adds headers after next() to the response', async () => {
    const app = new OpenSpeed()
      .use(async (c, next) => {
        await next()
        c.header('x-after', 'yes')
      })
      .get('/fast', (c) => c.text('fast'))
      .get('/web', () => new Response('web'))
      .get('/fetched', async () => Response.redirect('http://localhost/elsewhere', 302))
    for (const path of ['/fast', '/web', '/fetched']) {
      expect((await app.request(path, { redirect: 'manual' })).headers.get('x-after'), path).toBe('yes')
    }
  })

  it('keeps headers set before the handler on error responses', async () => {
    const app = new OpenSpeed()
      .use(async (c, next) => {
        c.header('access-control-allow-origin', '*')
        await next()
      })
      .get('/boom', () => {
        throw new HttpError(409, { detail: 'conflict' })
      })
    const response = await app.request('/boom')
    expect(response.status).toBe(409)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('shows the error response and the error to outer middleware', async () => {
    let seen: unknown
    const app = new OpenSpeed()
      .use(async (c, next) => {
        await next()
        seen = [c.res?.status, (c.error as Error).message]
      })
      .get('/', () => {
        throw new Error('kaput')
      })
    const logError = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect((await app.request('/')).status).toBe(500)
    expect(seen).toEqual([500, 'kaput'])
    logError.mockRestore()
  })

  it('runs middleware for unmatched requests too, scoped by path', async () => {
    const app = new OpenSpeed()
      .use(async (c, next) => {
        await next()
        c.header('x-global', '1')
      })
      .use('/api', async (c, next) => {
        await next()
        c.header('x-api', '1')
      })
      .get('/api/known', (c) => c.text('ok'))
    const missing = await app.request('/api/missing')
    expect(missing.status).toBe(404)
    expect([missing.headers.get('x-global'), missing.headers.get('x-api')]).toEqual(['1', '1'])
    const outside = await app.request('/other')
    expect([outside.headers.get('x-global'), outside.headers.get('x-api')]).toEqual(['1', null])
  })

  it('cannot be added once the app serves', async () => {
    const app = new OpenSpeed().get('/', (c) => c.text('x'))
    await app.request('/')
    expect(() => app.use(async (_c, next) => next())).toThrow(/before the app starts serving/)
    app.get('/late', (c) => c.text('late route'))
    expect(await (await app.request('/late')).text()).toBe('late route')
  })

  it('reports a handler that returns nothing as a 500 without leaking', async () => {
    const logError = vi.fn()
    const app = new OpenSpeed({ logError })
      .get('/nothing', () => undefined)
      .use('/mw', async () => {})
      .get('/mw', (c) => c.text('unreached'))
    for (const path of ['/nothing', '/mw']) {
      const response = await app.request(path)
      expect(response.status).toBe(500)
      expect(await response.json()).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        instance: path,
        code: 'OS_ERR_INTERNAL',
      })
    }
    expect(logError.mock.calls[0]?.[0]).toBeInstanceOf(Error)
    expect(String(logError.mock.calls[0]?.[0])).toMatch(/returned nothing/)
  })
})

describe('plain return values', () => {
  it('turns strings into text and other values into JSON', async () => {
    const app = new OpenSpeed()
      .get('/s', () => 'plain')
      .get('/o', () => ({ a: 1 }))
      .get('/n', async () => 42)
    const text = await app.request('/s')
    expect([text.headers.get('content-type'), await text.text()]).toEqual([
      'text/plain; charset=UTF-8',
      'plain',
    ])
    expect(await (await app.request('/o')).json()).toEqual({ a: 1 })
    expect(await (await app.request('/n')).json()).toBe(42)
  })
})

describe('mounting sub-apps', () => {
  it('prefixes routes and scopes the sub-app middleware and error handler', async () => {
    const calls: string[] = []
    const admin = new OpenSpeed()
      .use(async (_c, next) => {
        calls.push('admin-mw')
        await next()
      })
      .get('/', (c) => c.text('admin home'))
      .get('/stats', (c) => c.json({ users: 3 }))
      .get('/fail', () => {
        throw new Error('admin failure')
      })
      .onError((_error, c) => c.json({ handledBy: 'admin' }, 500))
    const app = new OpenSpeed()
      .use(async (_c, next) => {
        calls.push('root-mw')
        await next()
      })
      .get('/', (c) => c.text('root'))
      .route('/admin', admin)
    expect(await (await app.request('/admin')).text()).toBe('admin home')
    expect(await (await app.request('/admin/stats')).json()).toEqual({ users: 3 })
    expect(calls).toEqual(['root-mw', 'admin-mw', 'root-mw', 'admin-mw'])
    calls.length = 0
    await app.request('/')
    expect(calls).toEqual(['root-mw'])
    expect(await (await app.request('/admin/fail')).json()).toEqual({ handledBy: 'admin' })
  })

  it('mounts nested sub-apps', async () => {
    const v1 = new OpenSpeed().get('/ping', (c) => c.text('pong'))
    const api = new OpenSpeed().route('/v1', v1)
    const app = new OpenSpeed().route('/api/', api)
    expect(() => app.route('nope', v1)).toThrow(/must start with "\/"/)
    expect(await (await app.request('/api/v1/ping')).text()).toBe('pong')
    expect(app.routes()).toEqual([{ method: 'GET', path: '/api/v1/ping' }])
  })
})

describe('errors', () => {
  it('answers HttpError with its status, headers and detail', async () => {
    const app = new OpenSpeed().get('/limited', () => {
      throw new HttpError(429, { detail: 'Slow down', headers: { 'Retry-After': '30' } })
    })
    const response = await app.request('/limited')
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('30')
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: 'Slow down',
      instance: '/limited',
    })
  })

  it('hides internal errors behind a 500 and logs them', async () => {
    const logError = vi.fn()
    const app = new OpenSpeed({ logError }).get('/secret', async () => {
      throw new Error('password=hunter2 at /srv/app.ts:12')
    })
    const response = await app.request('/secret')
    const text = await response.text()
    expect(response.status).toBe(500)
    expect(text).not.toMatch(/hunter2|srv|at /)
    expect(logError).toHaveBeenCalledOnce()
  })

  it('uses a custom error handler, and falls back when it throws', async () => {
    const logError = vi.fn()
    const app = new OpenSpeed({ logError })
      .get('/', () => {
        throw new Error('x')
      })
      .onError((error, c) => c.json({ custom: (error as Error).message }, 503))
    const custom = await app.request('/')
    expect([custom.status, await custom.json()]).toEqual([503, { custom: 'x' }])
    app.onError(async () => {
      throw new Error('handler broke')
    })
    expect((await app.request('/')).status).toBe(500)
  })

  it('uses a custom not-found handler', async () => {
    const app = new OpenSpeed().notFound((c) => c.json({ missing: c.req.path }, 404))
    expect(await (await app.request('/x')).json()).toEqual({ missing: '/x' })
  })

  it('turns a non-path request target into a 400', async () => {
    const app = new OpenSpeed().get('/', (c) => c.text('x'))
    const source = { method: 'GET', target: '*' } as never
    const result = await app.handle(source)
    expect(result.status).toBe(400)
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
