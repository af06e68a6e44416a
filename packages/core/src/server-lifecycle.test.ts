// startServer is pure logic over injected runtime functions, so a recording runtime stands in for
// the process here; each adapter's own tests send real signals to real Node, Bun and Deno.
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type BaseServeOptions,
  type ListeningServer,
  type ServerHandle,
  type SignalRuntime,
  startServer,
} from './server-lifecycle.ts'

interface Started {
  handle: ServerHandle<string>
  events: string[]
  /** Calls the listeners of `signal` as the runtime would. */
  emit(signal: string): void
  listenerCount(signal: string): number
  /** Resolves at the first `kill` or `exit`. */
  ended: Promise<void>
  /** Lets a `gated` drain finish. */
  release(): void
}

interface Setup {
  /** Overrides what `listen()` returns. */
  server?: Partial<ListeningServer<string>>
  /** Holds the drain open until `release()`. */
  gated?: boolean
  failOnClose?: boolean
}

/** Serves through a recording runtime and adapter: the app, `drain`, `kill` and `exit` push to `events`. */
async function start(options: BaseServeOptions = {}, setup: Setup = {}): Promise<Started> {
  const listeners = new Map<string, Set<() => void>>()
  const events: string[] = []
  let end!: () => void
  const ended = new Promise<void>((resolve) => {
    end = resolve
  })
  let release!: () => void
  const gate = setup.gated
    ? new Promise<void>((resolve) => {
        release = resolve
      })
    : undefined
  const runtime: SignalRuntime = {
    pid: 4242,
    on(signal, listener) {
      listeners.set(signal, (listeners.get(signal) ?? new Set()).add(listener))
    },
    off(signal, listener) {
      listeners.get(signal)?.delete(listener)
    },
    kill(pid, signal) {
      events.push(`kill ${pid} ${signal}`)
      end()
    },
    exit(code) {
      events.push(`exit ${code}`)
      end()
    },
  }
  const app = {
    async ready() {},
    async close() {
      events.push('onClose')
      if (setup.failOnClose) throw new Error('onClose failed')
    },
  }
  const handle = await startServer(app, options, {
    runtime,
    listen: () => ({
      server: 'the server',
      port: 8080,
      secure: false,
      async drain(timeout) {
        events.push(`drain ${timeout}`)
        await gate
      },
      ...setup.server,
    }),
  })
  const emit = (signal: string): void => {
    for (const listener of [...(listeners.get(signal) ?? [])]) listener()
  }
  const listenerCount = (signal: string): number => listeners.get(signal)?.size ?? 0
  return { handle, events, emit, listenerCount, ended, release }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('startServer: listening', () => {
  it('awaits app.ready() before listening, and reports the handle', async () => {
    const order: string[] = []
    const handle = await startServer(
      {
        ready: async () => void order.push('ready'),
        close: async () => {},
      },
      { gracefulShutdown: false },
      {
        runtime: { pid: 1, on() {}, off() {}, kill() {}, exit() {} },
        async listen() {
          order.push('listen')
          return { server: 42, port: 3000, secure: false, drain: async () => {} }
        },
      },
    )
    expect(order).toEqual(['ready', 'listen'])
    expect(handle).toEqual({
      url: 'http://localhost:3000',
      port: 3000,
      server: 42,
      close: expect.any(Function),
    })
  })

  it('runs the onClose hooks and rethrows when listening fails', async () => {
    const close = vi.fn(async () => {})
    const listen = (): never => {
      throw new Error('EADDRINUSE')
    }
    const runtime = { pid: 1, on: vi.fn(), off() {}, kill() {}, exit() {} }
    await expect(startServer({ ready: async () => {}, close }, {}, { runtime, listen })).rejects.toThrow(
      'EADDRINUSE',
    )
    expect(close).toHaveBeenCalledTimes(1)
    expect(runtime.on).not.toHaveBeenCalled()
  })

  it('reports localhost for a missing or wildcard hostname, IPv6 in brackets, and https when secure', async () => {
    for (const hostname of [undefined, '', '0.0.0.0', '::']) {
      expect((await start({ hostname, gracefulShutdown: false })).handle.url).toBe('http://localhost:8080')
    }
    const named = await start(
      { hostname: 'example.test', gracefulShutdown: false },
      { server: { secure: true } },
    )
    expect(named.handle.url).toBe('https://example.test:8080')
    const v6 = await start(
      { hostname: '::1', gracefulShutdown: false },
      { server: { port: 8443, secure: true } },
    )
    expect(v6.handle).toMatchObject({ url: 'https://[::1]:8443', port: 8443, server: 'the server' })
  })
})

describe('startServer: gracefulShutdown', () => {
  it('listens for SIGTERM and SIGINT and drains for 10 s by default, and for true or {}', async () => {
    for (const gracefulShutdown of [undefined, true, {}]) {
      const { handle, events, listenerCount } = await start({ gracefulShutdown })
      expect([listenerCount('SIGTERM'), listenerCount('SIGINT')]).toEqual([1, 1])
      await handle.close()
      expect(events).toEqual(['drain 10000', 'onClose'])
    }
  })

  it('takes the signals and the timeout from an object', async () => {
    const { handle, events, listenerCount } = await start({
      gracefulShutdown: { signals: ['SIGHUP'], timeout: 250 },
    })
    expect([listenerCount('SIGHUP'), listenerCount('SIGTERM'), listenerCount('SIGINT')]).toEqual([1, 0, 0])
    await handle.close()
    expect(events).toEqual(['drain 250', 'onClose'])
  })

  it('listens for no signal with false or signals: [], and close() still drains with the timeout', async () => {
    for (const [gracefulShutdown, drain] of [
      [false, 'drain 10000'],
      [{ signals: [], timeout: 5 }, 'drain 5'],
    ] as const) {
      const { handle, events, listenerCount } = await start({ gracefulShutdown })
      expect([listenerCount('SIGTERM'), listenerCount('SIGINT')]).toEqual([0, 0])
      await handle.close()
      expect(events).toEqual([drain, 'onClose'])
    }
  })
})

describe('startServer: close()', () => {
  it('drains, then runs onClose, once, and removes the signal listeners after onClose', async () => {
    const { handle, events, listenerCount, release } = await start({}, { gated: true })
    const closing = handle.close()
    expect(handle.close()).toBe(closing)
    expect(events).toEqual(['drain 10000'])
    expect(listenerCount('SIGTERM')).toBe(1)
    release()
    await closing
    expect(events).toEqual(['drain 10000', 'onClose'])
    expect([listenerCount('SIGTERM'), listenerCount('SIGINT')]).toEqual([0, 0])
    await handle.close()
    expect(events).toEqual(['drain 10000', 'onClose'])
  })

  it('rejects without running onClose when draining fails, and still removes the listeners', async () => {
    const { handle, events, listenerCount } = await start(
      {},
      { server: { drain: () => Promise.reject(new Error('stuck')) } },
    )
    await expect(handle.close()).rejects.toThrow('stuck')
    expect(events).toEqual([])
    expect(listenerCount('SIGTERM')).toBe(0)
  })
})

describe('startServer: the signal option', () => {
  it('closes when the signal aborts, and stops listening for it once closed', async () => {
    const controller = new AbortController()
    const removed = vi.spyOn(controller.signal, 'removeEventListener')
    const { handle, events } = await start({ signal: controller.signal })
    expect(events).toEqual([])
    controller.abort()
    expect(events).toEqual(['drain 10000'])
    await handle.close()
    expect(events).toEqual(['drain 10000', 'onClose'])
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function))
  })

  it('closes at once when the signal is already aborted', async () => {
    const { handle, events } = await start({ signal: AbortSignal.abort() })
    // began before startServer resolved, with nothing else to wait for
    expect(events[0]).toBe('drain 10000')
    await handle.close()
    expect(events).toEqual(['drain 10000', 'onClose'])
  })

  it('reports a failed close to logError, or to defaultLogError (console.error) by default', async () => {
    const logError = vi.fn()
    const logged = await start({ signal: AbortSignal.abort(), logError }, { failOnClose: true })
    await logged.handle.close().catch(() => {})
    expect(logError).toHaveBeenCalledWith(new Error('onClose failed'))
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const byDefault = await start({ signal: AbortSignal.abort() }, { failOnClose: true })
    await byDefault.handle.close().catch(() => {})
    expect(consoleError).toHaveBeenCalledWith('[openspeed] unhandled error:', new Error('onClose failed'))
  })
})

describe('startServer: shutdown signals', () => {
  it('closes on the first signal, then removes its listeners and raises the same signal at itself', async () => {
    const { events, emit, listenerCount, ended } = await start()
    emit('SIGINT')
    await ended
    expect(events).toEqual(['drain 10000', 'onClose', 'kill 4242 SIGINT'])
    expect([listenerCount('SIGTERM'), listenerCount('SIGINT')]).toEqual([0, 0])
  })

  it('calls force on a second signal, of either kind, and raises the first once closed', async () => {
    const force = vi.fn()
    const { events, emit, ended, release } = await start({}, { gated: true, server: { force } })
    emit('SIGTERM')
    expect(force).not.toHaveBeenCalled()
    emit('SIGINT')
    expect(force).toHaveBeenCalledTimes(1)
    release()
    await ended
    expect(events).toEqual(['drain 10000', 'onClose', 'kill 4242 SIGTERM'])
  })

  it('without force, a second signal removes the listeners and raises it at once', async () => {
    const { events, emit, listenerCount, ended } = await start(
      {},
      { server: { drain: () => new Promise<never>(() => {}) } },
    )
    emit('SIGTERM')
    emit('SIGTERM')
    await ended
    expect(events).toEqual(['kill 4242 SIGTERM'])
    expect(listenerCount('SIGTERM')).toBe(0)
  })

  it('logs a failed shutdown and exits with status 1', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { events, emit, listenerCount, ended } = await start({}, { failOnClose: true })
    emit('SIGTERM')
    await ended
    expect(events).toEqual(['drain 10000', 'onClose', 'exit 1'])
    expect(consoleError).toHaveBeenCalledWith(
      '[openspeed] graceful shutdown failed:',
      new Error('onClose failed'),
    )
    expect(listenerCount('SIGTERM')).toBe(0)
  })

  it('a signal during close() waits for onClose, then raises', async () => {
    const { handle, events, emit, ended, release } = await start({}, { gated: true })
    const closing = handle.close()
    emit('SIGTERM')
    release()
    await closing
    await ended
    expect(events).toEqual(['drain 10000', 'onClose', 'kill 4242 SIGTERM'])
  })
})
