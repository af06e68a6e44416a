import { afterEach, expect, it, vi } from 'vitest'
import { createServeFixture } from './serve-fixture.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

it('answers env, a slow body and a close request that aborts the serve() signal', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  const { app, options } = createServeFixture({ env: { name: 'test-env' }, graceful: true })
  expect(options).toMatchObject({ port: 0, hostname: '127.0.0.1', gracefulShutdown: { timeout: 5_000 } })
  expect(await (await app.request('/env', {}, options.env)).json()).toEqual({
    env: { name: 'test-env' },
    remote: {},
  })
  expect((await (await app.request('/slow')).text()).length).toBe(50_000)
  expect(options.signal.aborted).toBe(false)
  expect(await (await app.request('/close', { method: 'POST' })).text()).toBe('closing')
  expect(options.signal.aborted).toBe(true)
  await app.close()
  expect(log.mock.calls).toEqual([['arrived slow'], ['onClose']])
})

it('turns graceful shutdown off when asked', () => {
  expect(createServeFixture({ env: {}, graceful: false }).options.gracefulShutdown).toBe(false)
})
