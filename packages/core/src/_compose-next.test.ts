import { describe, expect, it } from 'vitest'
import { OpenSpeed } from './open-speed.ts'
import { OpenSpeedError } from './openspeed-error.ts'

describe('next() called twice', () => {
  for (const style of ['awaited', 'synchronous'] as const) {
    it(`throws a coded error and never runs the handler twice (${style})`, async () => {
      let runs = 0
      const errors: unknown[] = []
      const app = new OpenSpeed({ logError: (error) => errors.push(error) })
        .use(
          style === 'awaited'
            ? async (_c, next) => {
                await next()
                await next()
              }
            : (_c, next) => {
                void next()
                void next()
              },
        )
        .use((_c, next) => next())
        .get('/', (c) => {
          runs++
          return c.text('once')
        })
      const response = await app.request('/')
      expect(runs).toBe(1)
      expect(response.status).toBe(500)
      expect(await response.json()).toMatchObject({ code: 'OS_ERR_INTERNAL' })
      expect(errors).toHaveLength(1)
      expect(OpenSpeedError.isInstance(errors[0])).toBe(true)
      expect((errors[0] as OpenSpeedError).code).toBe('OS_ERR_MIDDLEWARE_NEXT_CALLED_TWICE')
    })
  }

  it('lets a middleware catch the error and keep the first response', async () => {
    const app = new OpenSpeed()
      .use(async (_c, next) => {
        await next()
        try {
          await next()
        } catch {}
      })
      .get('/', (c) => c.text('first'))
    const response = await app.request('/')
    expect([response.status, await response.text()]).toEqual([200, 'first'])
  })
})

describe('addHook()', () => {
  it('refuses an unknown hook name with a coded error', () => {
    const app = new OpenSpeed() as unknown as { addHook(name: string, hook: unknown): unknown }
    const addHook = (name: string, hook: unknown) => app.addHook(name, hook)
    expect(() => addHook('onSend', () => {})).toThrow(
      expect.objectContaining({
        code: 'OS_ERR_HOOK_UNKNOWN_NAME',
        message: expect.stringMatching(/"onSend"/),
      }),
    )
  })

  it('refuses a hook that is not a function', () => {
    const app = new OpenSpeed()
    expect(() => app.addHook('onRequest', 'log' as never)).toThrow(
      expect.objectContaining({
        code: 'OS_ERR_HOOK_INVALID_HANDLER',
        message: expect.stringMatching(/string/),
      }),
    )
  })
})
