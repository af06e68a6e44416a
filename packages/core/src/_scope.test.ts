import { describe, expect, it } from 'vitest'
import { scopeCases } from './_scope.case.ts'
import { createScopeMatcher, parseScope } from './_scope.ts'
import { OpenSpeed } from './open-speed.ts'
import { OpenSpeedError } from './openspeed-error.ts'
import type { MiddlewareHandler } from './types.ts'

function guardedApp(scope: string, routes: string[], ran: string[]): OpenSpeed {
  const guard: MiddlewareHandler = (c, next) => {
    ran.push(c.req.path)
    return next()
  }
  const app = new OpenSpeed().use(scope, guard)
  for (const route of routes) app.get(route, (c) => c.text(c.req.routePath ?? ''))
  return app
}

describe('scoped middleware runs by request path', () => {
  for (const { scope, routes, requests } of scopeCases) {
    it(`use("${scope}") with routes ${routes.join(', ')}`, async () => {
      const ran: string[] = []
      const app = guardedApp(scope, routes, ran)
      const matcher = createScopeMatcher(parseScope(scope))
      for (const [path, expected] of requests) {
        ran.length = 0
        await app.request(path)
        expect(ran.length === 1, `GET ${path}`).toBe(expected)
        expect(matcher(path), `${scope} covers ${path}`).toBe(expected)
      }
    })
  }

  it('guards the routes of a sub-app mounted at "/"', async () => {
    const sub = new OpenSpeed().get('/:section/stats', (c) => c.text('stats')).get('/*', (c) => c.text('any'))
    const app = new OpenSpeed().use('/admin/*', (c) => c.text('denied', 401)).route('/', sub)
    for (const path of ['/admin/stats', '/admin/secret', '/admin']) {
      expect((await app.request(path)).status, path).toBe(401)
    }
    expect(await (await app.request('/public/stats')).text()).toBe('stats')
  })

  it('guards requests no route answers, 404 and 405 alike', async () => {
    const app = new OpenSpeed()
      .use('/admin/*', (c) => c.text('denied', 401))
      .post('/admin/users', (c) => c.text('created'))
    expect((await app.request('/admin/missing')).status).toBe(401)
    expect((await app.request('/admin/users')).status).toBe(401)
    expect((await app.request('/missing')).status).toBe(404)
  })

  it('runs a scoped middleware of a mounted app under its prefix', async () => {
    const ran: string[] = []
    const api = new OpenSpeed()
      .use('/admin/*', (c, next) => {
        ran.push(c.req.path)
        return next()
      })
      .get('/:area/stats', (c) => c.text('ok'))
    const app = new OpenSpeed().route('/api', api)
    await app.request('/api/admin/stats')
    await app.request('/api/other/stats')
    await app.request('/admin/stats')
    expect(ran).toEqual(['/api/admin/stats'])
  })
})

describe('middleware scopes are validated when added', () => {
  const cases: [scope: string, message: RegExp][] = [
    ['api', /must start with "\/"/],
    ['/a/*/b', /wildcard "\*" can only be the whole last segment/],
    ['/assets*', /"\*" inside a segment/],
    ['/a//b', /empty segment/],
    ['/admin/', /empty segment/],
    ['/user/:id{[^/]+}/*', /contains "\/": a parameter matches one path segment/],
    ['/a/:id?', /optional/],
    ['/a/:1x', /not a valid parameter/],
    ['/a/:id{[}', /not a valid regular expression/],
    ['/a{b}', /brace outside a parameter/],
  ]
  for (const [scope, message] of cases) {
    it(`refuses ${scope}`, () => {
      let error: unknown
      try {
        new OpenSpeed().use(scope, (_c, next) => next())
      } catch (caught) {
        error = caught
      }
      expect(OpenSpeedError.isInstance(error)).toBe(true)
      expect((error as OpenSpeedError).code).toBe('OS_ERR_MIDDLEWARE_INVALID_SCOPE')
      expect((error as Error).message).toMatch(message)
    })
  }

  it('accepts "*", "/" and "/*" for every path', async () => {
    for (const scope of ['*', '/', '/*']) {
      const ran: string[] = []
      await guardedApp(scope, ['/a/b'], ran).request('/a/b')
      expect(ran, scope).toEqual(['/a/b'])
    }
  })
})

describe('app.routes() with scoped middleware', () => {
  it('lists the middleware a route may run as registered, and leaves out the ones it never runs', () => {
    const guard: MiddlewareHandler = (_c, next) => next()
    const app = new OpenSpeed()
      .use('/admin/*', guard)
      .get('/:section/stats', (c) => c.text('stats'))
      .get('/admin/users', (c) => c.text('users'))
      .get('/public', (c) => c.text('public'))
    const first = (path: string) => app.routes().find((route) => route.path === path)!.handlers
    expect(first('/:section/stats')[0]).toBe(guard)
    expect(first('/admin/users')[0]).toBe(guard)
    expect(first('/public')).toHaveLength(1)
  })
})

describe('middleware added after routes', () => {
  it('still runs for them, scoped or not', async () => {
    const ran: string[] = []
    const app = new OpenSpeed()
      .get('/early', (c) => c.text('early'))
      .get('/admin/early', (c) => c.text('admin'))
      .use((_c, next) => {
        ran.push('global')
        return next()
      })
      .use('/admin/*', (c) => c.text('denied', 401))
    expect(await (await app.request('/early')).text()).toBe('early')
    expect((await app.request('/admin/early')).status).toBe(401)
    expect(ran).toEqual(['global', 'global'])
  })
})
