import { fileURLToPath } from 'node:url'
import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { caseRequest, checkCase, fixtureCases } from '../test/fixture-cases.ts'
import { fileRoutes } from './file-routes.ts'

const dir = fileURLToPath(new URL('../test/fixtures/app/routes', import.meta.url))

async function fixtureApp(): Promise<{ app: OpenSpeed; logged: unknown[] }> {
  const logged: unknown[] = []
  const app = new OpenSpeed({ logError: (error) => logged.push(error) })
  await fileRoutes(app, { dir })
  return { app, logged }
}

describe('the fixture app on Node', async () => {
  const { app, logged } = await fixtureApp()
  for (const test of fixtureCases) {
    it(`${test.name}: ${test.method ?? 'GET'} ${test.path} -> ${test.status}`, async () => {
      expect(await checkCase(test, await app.fetch(caseRequest('http://localhost', test)))).toEqual([])
    })
  }

  it('logged only the errors no _error handled, never answered with them', () => {
    expect(logged.map((error) => (error as Error).message)).toEqual(['pass-through'])
  })
})

describe('fileRoutes()', () => {
  it('lists the registered routes with their files, static before dynamic before catch-all', async () => {
    const routes = await fileRoutes(new OpenSpeed(), { dir })
    const paths = routes.map((route) => `${route.method} ${route.path} ${route.file}`)
    expect(paths).toContain('GET /users/:id users/[id].ts')
    expect(paths).toContain('DELETE /users/:id users/[id].ts')
    expect(paths).toContain('ALL /everything everything.ts')
    expect(paths).toContain('GET /caf\u00e9 café.ts')
    expect(paths).toContain('GET /100%25 100%.ts')
    expect(paths.indexOf('GET /users/me users/me.ts')).toBeLessThan(
      paths.indexOf('GET /users/:id users/[id].ts'),
    )
    expect(paths.indexOf('GET /docs/intro docs/intro.ts')).toBeLessThan(
      paths.indexOf('GET /docs/*slug docs/[...slug].ts'),
    )
  })

  it('mounts under a prefix', async () => {
    const app = new OpenSpeed()
    const routes = await fileRoutes(app, { dir, prefix: '/api/' })
    expect(routes.find((route) => route.file === 'index.ts')?.path).toBe('/api')
    expect(await (await app.request('/api')).text()).toBe('home of OpenSpeed')
    expect(await (await app.request('/api/users/me')).json()).toEqual({ me: true })
    expect((await app.request('/users/me')).status).toBe(404)
    await expect(fileRoutes(new OpenSpeed(), { dir, prefix: 'api' })).rejects.toThrow(/must start with "\/"/)
  })

  it('keeps app middleware and onError working around file routes', async () => {
    const app = new OpenSpeed()
      .use(async (c, next) => {
        await next()
        c.header('x-app', '1')
      })
      .onError((error, c) => c.json({ app: (error as Error).message }, 500))
    await fileRoutes(app, { dir })
    const about = await app.request('/about')
    expect(about.headers.get('x-app')).toBe('1')
    // routes without an _error boundary reach the app's own onError
    expect(await (await app.request('/users/1/posts/boom')).json()).toEqual({
      handledBy: 'users/[id]/_error',
    })
  })

  it('registers exactly the exported handler: no wrapper, so no per-request cost over app.get()', async () => {
    const { GET } = await import('../test/fixtures/app/routes/robots.txt.ts')
    const app = new OpenSpeed()
    const before = app.routes().length
    await fileRoutes(app, { dir })
    const routes = app.routes()
    expect(routes.some((route) => route.path === '/*')).toBe(false)
    const robots = routes.find((route) => route.path === '/robots.txt')!
    // root _middleware and _layout, then the handler itself, the same function object
    expect(robots.handlers).toHaveLength(3)
    expect(robots.handlers[2]).toBe(GET)
    expect(routes.length - before).toBe((await fileRoutes(new OpenSpeed(), { dir })).length)
  })
})
