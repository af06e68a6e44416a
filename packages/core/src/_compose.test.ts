import { describe, expect, it, vi } from 'vitest'
import { HttpError } from './http-error.ts'
import { OpenSpeed } from './open-speed.ts'

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
