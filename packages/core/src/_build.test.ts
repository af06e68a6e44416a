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

  it('hands an error a sub-app handler throws on to the app it is mounted in', async () => {
    const inner = new OpenSpeed()
      .get('/rethrow', () => {
        throw new Error('inner failure')
      })
      .get('/handled', () => {
        throw new Error('handled inside')
      })
      .onError((error, c) => {
        if ((error as Error).message === 'handled inside') return c.json({ handledBy: 'inner' }, 500)
        throw error
      })
    const middle = new OpenSpeed().route('/inner', inner)
    const app = new OpenSpeed()
      .route('/middle', middle)
      .onError(async (error, c) => c.json({ handledBy: 'root', message: (error as Error).message }, 500))
    expect(await (await app.request('/middle/inner/handled')).json()).toEqual({ handledBy: 'inner' })
    expect(await (await app.request('/middle/inner/rethrow')).json()).toEqual({
      handledBy: 'root',
      message: 'inner failure',
    })
    const lone = new OpenSpeed({ logError: () => {} }).route('/inner', inner)
    const fallback = await lone.request('/inner/rethrow')
    expect(fallback.status).toBe(500)
    expect(await fallback.json()).toMatchObject({ code: 'OS_ERR_INTERNAL' })
  })

  it('mounts nested sub-apps', async () => {
    const v1 = new OpenSpeed().get('/ping', (c) => c.text('pong'))
    const api = new OpenSpeed().route('/v1', v1)
    const app = new OpenSpeed().route('/api/', api)
    expect(() => app.route('nope', v1)).toThrow(/must start with "\/"/)
    expect(await (await app.request('/api/v1/ping')).text()).toBe('pong')
    expect(app.routes().map(({ method, path }) => ({ method, path }))).toEqual([
      { method: 'GET', path: '/api/v1/ping' },
    ])
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
