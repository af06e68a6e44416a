import { describe, expect, it } from 'vitest'
import { OpenSpeed } from './open-speed.ts'
import { OpenSpeedError } from './openspeed-error.ts'
import { definePlugin } from './plugin.ts'

describe('plugins', () => {
  it('runs setups in order at start, with their options', async () => {
    const calls: string[] = []
    const db = definePlugin({
      name: 'db',
      async setup(app, options: { url: string }) {
        calls.push(`db ${options.url}`)
        app.addHook('onClose', async () => {
          calls.push('db closed')
        })
      },
    })
    const users = definePlugin({
      name: 'users',
      dependencies: ['db'],
      async setup(app) {
        await new Promise((resolve) => setTimeout(resolve, 5))
        calls.push('users')
        app.get('/users', (c) => c.json(['ada']))
        app.addHook('onClose', () => {
          calls.push('users closed')
        })
      },
    })
    const app = new OpenSpeed().register(db, { url: 'memory://' }).register(users)
    app.addHook('onStart', () => {
      calls.push('started')
    })
    expect(calls).toEqual([])
    expect(await (await app.request('/users')).json()).toEqual(['ada'])
    expect(calls).toEqual(['db memory://', 'users', 'started'])
    await app.close()
    await app.close()
    expect(calls.slice(3)).toEqual(['users closed', 'db closed'])
  })

  it('refuses duplicates and missing dependencies with stable codes', () => {
    const a = definePlugin({ name: 'a', async setup() {} })
    const b = definePlugin({ name: 'b', dependencies: ['a'], async setup() {} })
    const codeOf = (fn: () => unknown) => {
      try {
        fn()
      } catch (error) {
        return OpenSpeedError.isInstance(error) ? [error.code, error.message] : error
      }
    }
    expect(codeOf(() => new OpenSpeed().register(b))).toEqual([
      'OS_ERR_PLUGIN_MISSING_DEPENDENCY',
      'The plugin "b" depends on "a", which must be registered before it',
    ])
    expect(codeOf(() => new OpenSpeed().register(a).register(a))).toEqual([
      'OS_ERR_PLUGIN_DUPLICATE',
      'The plugin "a" is already registered',
    ])
  })

  it('runs plugins of mounted sub-apps', async () => {
    const child = new OpenSpeed().register(
      definePlugin({
        name: 'child-routes',
        async setup(app) {
          app.get('/hello', (c) => c.text('from plugin'))
        },
      }),
    )
    const app = new OpenSpeed().route('/child', child)
    await app.ready()
    expect(await (await app.request('/child/hello')).text()).toBe('from plugin')
    expect(() => app.register(definePlugin({ name: 'late', async setup() {} }))).toThrow(
      /before the app starts serving/,
    )
  })
})

describe('lifecycle hooks', () => {
  it('lets onRequest answer early and onResponse add headers', async () => {
    const app = new OpenSpeed()
      .addHook('onRequest', (c) => (c.req.header('x-block') ? c.text('blocked', 403) : undefined))
      .addHook('onResponse', (c, response) => {
        c.header('x-status-seen', String(response.status))
      })
      .get('/', (c) => c.text('ok'))
    const blocked = await app.request('/', { headers: { 'x-block': '1' } })
    expect([blocked.status, blocked.headers.get('x-status-seen')]).toEqual([403, '403'])
    const ok = await app.request('/')
    expect([ok.status, ok.headers.get('x-status-seen')]).toEqual([200, '200'])
    const missing = await app.request('/missing')
    expect([missing.status, missing.headers.get('x-status-seen')]).toEqual([404, '404'])
  })

  it('turns a throwing hook into an error response', async () => {
    const app = new OpenSpeed({ logError: () => {} })
      .addHook('onRequest', () => {
        throw new Error('hook failed')
      })
      .get('/', (c) => c.text('ok'))
    expect((await app.request('/')).status).toBe(500)
  })

  it('shows every error to onError observers, even failing ones', async () => {
    const seen: string[] = []
    const logged: unknown[] = []
    const app = new OpenSpeed({ logError: (error) => logged.push(error) })
      .addHook('onError', (error) => {
        seen.push((error as Error).message)
      })
      .addHook('onError', () => {
        throw new Error('observer broke')
      })
      .addHook('onError', async () => {
        throw new Error('async observer broke')
      })
      .get('/', () => {
        throw new Error('route failed')
      })
    expect((await app.request('/')).status).toBe(500)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(seen).toEqual(['route failed'])
    expect(logged.map((error) => (error as Error).message).sort()).toEqual([
      'async observer broke',
      'observer broke',
      'route failed',
    ])
  })

  it('rejects ready() when an onStart hook fails', async () => {
    const app = new OpenSpeed().addHook('onStart', async () => {
      throw new Error('cannot connect')
    })
    await expect(app.ready()).rejects.toThrow('cannot connect')
  })
})
