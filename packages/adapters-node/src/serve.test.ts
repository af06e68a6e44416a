import { Agent } from 'node:http'
import { createServer } from 'node:net'
import { OpenSpeed } from '@openspeed/core'
import { afterEach, describe, expect, it } from 'vitest'
import { deferred, getWithAgent, selfSignedCertificate, sleep } from '../test/_helpers.ts'
import { type ServeHandle, serve } from './serve.ts'

const handles: ServeHandle[] = []
afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.close()))
})

async function start(
  app: OpenSpeed<any, any>,
  options: Parameters<typeof serve>[1] = {},
): Promise<ServeHandle> {
  const handle = await serve(app, { port: 0, hostname: '127.0.0.1', gracefulShutdown: false, ...options })
  handles.push(handle)
  return handle
}

describe('serve', () => {
  it('listens on a free port and reports the real URL', async () => {
    const handle = await start(new OpenSpeed().get('/', (c) => c.text('Hello, OpenSpeed!')))
    expect(handle.port).toBeGreaterThan(0)
    expect(handle.url).toBe(`http://127.0.0.1:${handle.port}`)
    expect(await (await fetch(`${handle.url}/`)).text()).toBe('Hello, OpenSpeed!')
  })

  it('awaits app.ready() (onStart hooks) before listening', async () => {
    let started = false
    const app = new OpenSpeed().get('/', (c) => c.json({ started }))
    app.addHook('onStart', async () => {
      await sleep(50)
      started = true
    })
    const handle = await start(app)
    expect(await (await fetch(handle.url)).json()).toEqual({ started: true })
  })

  it('reports localhost for wildcard addresses and brackets IPv6 hosts', async () => {
    const wildcard = await start(
      new OpenSpeed().get('/', (c) => c.text('any')),
      { hostname: undefined },
    )
    expect(wildcard.url).toBe(`http://localhost:${wildcard.port}`)
    const v6 = await start(
      new OpenSpeed().get('/', (c) => c.text('v6')),
      { hostname: '::1' },
    ).catch(() => null)
    if (v6 === null) return console.log('skipped the IPv6 check: ::1 is not available here')
    expect(v6.url).toBe(`http://[::1]:${v6.port}`)
    expect(await (await fetch(v6.url)).text()).toBe('v6')
  })

  it('rejects when the port is taken, after running onClose', async () => {
    const blocker = createServer().listen(0, '127.0.0.1')
    await new Promise((resolve) => blocker.once('listening', resolve))
    const port = (blocker.address() as { port: number }).port
    let closed = false
    const app = new OpenSpeed().addHook('onClose', () => {
      closed = true
    })
    await expect(serve(app, { port, hostname: '127.0.0.1', gracefulShutdown: false })).rejects.toThrow(
      /EADDRINUSE/,
    )
    expect(closed).toBe(true)
    blocker.close()
  })

  it('serves HTTPS with tls', async (context) => {
    const tls = selfSignedCertificate()
    if (tls === null) return context.skip('openssl is not available to create a test certificate')
    const handle = await start(
      new OpenSpeed().get('/', (c) => c.text(c.req.url)),
      { tls },
    )
    expect(handle.url).toBe(`https://127.0.0.1:${handle.port}`)
    const { request } = await import('node:https')
    const body = await new Promise<string>((resolve, reject) => {
      request(handle.url, { rejectUnauthorized: false }, (response) => {
        let text = ''
        response.on('data', (chunk) => {
          text += chunk
        })
        response.on('end', () => resolve(text))
      })
        .on('error', reject)
        .end()
    })
    expect(body).toBe(`https://127.0.0.1:${handle.port}/`)
  })
})

describe('close()', () => {
  it('lets in-flight requests finish with Connection: close, then runs onClose', async () => {
    const events: string[] = []
    let arrived = deferred()
    const app = new OpenSpeed().get('/slow', async (c) => {
      arrived.resolve()
      await sleep(200)
      events.push('responded')
      return c.text('done')
    })
    app.addHook('onClose', () => {
      events.push('onClose')
    })
    const handle = await start(app)
    const agent = new Agent({ keepAlive: true })
    const idle = await getWithAgent(`${handle.url}/slow`, agent)
    expect(idle.response.headers.connection).toBe('keep-alive')
    arrived = deferred()
    const pending = getWithAgent(`${handle.url}/slow`, new Agent({ keepAlive: true }))
    await arrived.promise
    const started = Date.now()
    const closing = handle.close()
    expect(handle.close()).toBe(closing)
    const { response, body } = await pending
    expect(response.statusCode).toBe(200)
    expect(body).toBe('done')
    expect(response.headers.connection).toBe('close')
    await closing
    // the idle keep-alive connection from the first request did not hold the server open
    expect(Date.now() - started).toBeLessThan(2000)
    expect(events).toEqual(['responded', 'responded', 'onClose'])
    await expect(fetch(`${handle.url}/slow`)).rejects.toThrow()
    agent.destroy()
  })

  it('closes a keep-alive connection whose response started streaming before shutdown', async () => {
    const app = new OpenSpeed().get('/stream', (c) =>
      c.stream(async (stream) => {
        await stream.write('a')
        await sleep(200)
        await stream.write('b')
      }),
    )
    const handle = await start(app)
    const agent = new Agent({ keepAlive: true })
    const pending = getWithAgent(`${handle.url}/stream`, agent)
    await sleep(50)
    const started = Date.now()
    await handle.close()
    expect((await pending).body).toBe('ab')
    expect(Date.now() - started).toBeLessThan(2000)
    agent.destroy()
  })

  it('destroys connections still open after the timeout', async () => {
    const arrived = deferred()
    const app = new OpenSpeed().get('/hang', () => {
      arrived.resolve()
      return new Promise<never>(() => {})
    })
    const handle = await start(app, { gracefulShutdown: { timeout: 100, signals: [] } })
    const pending = fetch(`${handle.url}/hang`)
    await arrived.promise
    await handle.close()
    await expect(pending).rejects.toThrow()
  })

  it('shuts down when the signal option aborts', async () => {
    const controller = new AbortController()
    const closed = deferred()
    const app = new OpenSpeed().get('/', (c) => c.text('ok'))
    app.addHook('onClose', () => closed.resolve())
    const handle = await start(app, { signal: controller.signal })
    expect((await fetch(handle.url)).status).toBe(200)
    controller.abort()
    await closed.promise
    expect(handle.server.listening).toBe(false)
  })

  it('shuts down at once when the signal is already aborted', async () => {
    const app = new OpenSpeed()
    const closed = deferred()
    app.addHook('onClose', () => closed.resolve())
    await start(app, { signal: AbortSignal.abort() })
    await closed.promise
  })

  it('installs SIGTERM/SIGINT listeners by default and removes them on close', async () => {
    const before = [process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]
    const handle = await serve(new OpenSpeed(), { port: 0, hostname: '127.0.0.1' })
    expect([process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]).toEqual(
      before.map((n) => n + 1),
    )
    await handle.close()
    expect([process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]).toEqual(before)
  })
})
