import { getConnInfo, OpenSpeed } from '@openspeed/core'

/**
 * Options for {@link createServeFixture}.
 *
 * @example
 * createServeFixture({ env: { name: 'bun-env' }, graceful: process.env.GRACEFUL !== 'false' })
 */
export interface ServeFixtureOptions {
  /** Bindings to serve the app with; `GET /env` answers them. */
  env: Record<string, string>
  /** `false` serves with `gracefulShutdown: false`; otherwise with a 5 s drain timeout. */
  graceful: boolean
}

/**
 * The app and the `serve()` options of a shutdown fixture, made by {@link createServeFixture}.
 *
 * @example
 * const { app, options } = createServeFixture({ env: {}, graceful: true })
 * const handle = await serve(app, options)
 */
export interface ServeFixture {
  app: OpenSpeed
  options: {
    port: number
    hostname: string
    env: Record<string, string>
    signal: AbortSignal
    gracefulShutdown: false | { timeout: number }
  }
}

/**
 * The app a runtime's `serve()` shutdown tests run (see `defineShutdownSuite`), printing what
 * happens one event per line: `GET /slow` prints `arrived slow` and answers 50 000 bytes after
 * 300 ms, `POST /close` aborts the `signal` passed to `serve()`, `GET /env` answers `c.env` and
 * the client address, and the `onClose` hook prints `onClose`. No `node:*` imports: Bun and Deno
 * run it as it is.
 *
 * @example
 * import { createServeFixture } from '@openspeed/conformance/fixture'
 * const { app, options } = createServeFixture({ env: { name: 'deno-env' }, graceful: true })
 * const handle = await serve(app, options)
 * console.log(`listening on ${handle.url}`)
 */
export function createServeFixture(fixture: ServeFixtureOptions): ServeFixture {
  const controller = new AbortController()
  const app = new OpenSpeed()
    .get('/env', (c) => c.json({ env: c.env, remote: getConnInfo(c).remote }))
    .get('/slow', async (c) => {
      console.log('arrived slow')
      await new Promise((resolve) => setTimeout(resolve, 300))
      return c.text('x'.repeat(50_000))
    })
    .post('/close', (c) => {
      controller.abort()
      return c.text('closing')
    })
  app.addHook('onClose', () => console.log('onClose'))
  const options = {
    port: 0,
    hostname: '127.0.0.1',
    env: fixture.env,
    signal: controller.signal,
    gracefulShutdown: fixture.graceful ? { timeout: 5_000 } : (false as const),
  }
  return { app, options }
}
