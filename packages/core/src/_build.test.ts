import { describe, expect, it } from 'vitest'
import { OpenSpeed } from './open-speed.ts'

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
    expect(app.routes().map(({ method, path }) => ({ method, path }))).toEqual([{ method: 'GET', path: '/api/v1/ping' }])
  })
})

describe('unmatched paths under a mount', () => {
  it('are answered by the root app notFound', async () => {
    const child = new OpenSpeed().get('/known', (c) => c.text('known')).notFound((c) => c.text('child', 404))
    const app = new OpenSpeed().route('/child', child).notFound((c) => c.text('root', 404))
    const response = await app.request('/child/unknown')
    expect([response.status, await response.text()]).toEqual([404, 'root'])
  })
})
