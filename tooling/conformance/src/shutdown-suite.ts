import { describe, expect, it } from 'vitest'
import type { SpawnedServer } from './spawn-server.ts'

/**
 * A runtime whose `serve()` the shutdown suite checks.
 *
 * @example
 * const target: ShutdownTarget = { name: 'bun', start: (env) => startBun('serve-app.ts', env) }
 */
export interface ShutdownTarget {
  name: string
  /**
   * Starts a process that serves `createServeFixture()` with the adapter's `serve()` and prints
   * `listening on <url>`; `env` is added to its environment (`GRACEFUL: 'false'` asks the fixture
   * for `gracefulShutdown: false`).
   */
  start(env: Record<string, string>): Promise<SpawnedServer>
}

/**
 * Registers the tests of a `serve()` shutdown under a runtime's own binary: SIGTERM drains an
 * in-flight request, runs `onClose` and ends the process by the signal; aborting `signal` closes
 * and lets the process exit normally; `gracefulShutdown: false` leaves SIGTERM to the runtime.
 * Call it at the top level of a vitest test file.
 *
 * @example
 * defineShutdownSuite({ name: 'deno', start: (env) => startDeno('serve-app.ts', { env }) })
 */
export function defineShutdownSuite(target: ShutdownTarget): void {
  describe(`serve() on ${target.name}: shutdown`, () => {
    it('finishes in-flight requests on SIGTERM, then runs onClose and ends by the signal', async () => {
      const server = await target.start({})
      const slow = fetch(`${server.url}/slow`)
      await server.waitForOutput('arrived slow')
      const stopped = server.stop()
      const response = await slow
      expect(response.status).toBe(200)
      expect((await response.text()).length).toBe(50_000)
      await stopped
      expect(await server.exited).toEqual({ code: null, signal: 'SIGTERM' })
      expect(server.output()).toContain('onClose')
      await expect(fetch(`${server.url}/env`)).rejects.toThrow()
    })

    it('closes when options.signal aborts, without ending the process by a signal', async () => {
      const server = await target.start({})
      expect(await (await fetch(`${server.url}/close`, { method: 'POST' })).text()).toBe('closing')
      await server.waitForOutput('onClose')
      // nothing keeps the event loop alive once the server is closed
      expect(await server.exited).toEqual({ code: 0, signal: null })
    })

    it('leaves SIGTERM alone with gracefulShutdown: false', async () => {
      const server = await target.start({ GRACEFUL: 'false' })
      await server.stop()
      expect(await server.exited).toEqual({ code: null, signal: 'SIGTERM' })
      expect(server.output()).not.toContain('onClose')
    })
  })
}
