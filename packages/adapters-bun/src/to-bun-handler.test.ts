import { FastResponse, getConnInfo, OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { bunRuntime } from './_bun.ts'
import type { BunServer } from './bun-server.ts'
import { toBunHandler } from './to-bun-handler.ts'

// Bun's server argument, reduced to what the handler reads (the real one is exercised under Bun
// by serve.test.ts and the conformance suite)
const server = (address: string | null): BunServer =>
  ({ requestIP: () => (address === null ? null : { address, port: 5000, family: 'IPv6' }) }) as never

const app = new OpenSpeed()
  .get('/', (c) => c.json({ env: c.env ?? null, conn: getConnInfo(c) }))
  .get('/text', (c) => c.text('twelve bytes'))
  .get('/stream', (c) => c.stream(async (stream) => stream.write('never read')))

describe('toBunHandler', () => {
  it('reads the peer from the server and hands options.env to handlers, not the server', async () => {
    const response = await toBunHandler(app, { env: { a: 1 } })(new Request('http://x/'), server('::1'))
    expect(await response.json()).toEqual({
      env: { a: 1 },
      conn: { remote: { address: '::1', port: 5000, family: 'IPv6' } },
    })
    const unknown = await toBunHandler(app)(new Request('http://x/'), server(null))
    expect(await unknown.json()).toEqual({ env: null, conn: { remote: {} } })
  })

  it('answers HEAD without a body but with the Content-Length of the GET body', async () => {
    const handler = toBunHandler(app)
    const head = await handler(new Request('http://x/text', { method: 'HEAD' }), server(null))
    expect(head.headers.get('content-length')).toBe('12')
    expect(await head.text()).toBe('')
    const stream = await handler(new Request('http://x/stream', { method: 'HEAD' }), server(null))
    expect(stream.body).toBeNull()
  })

  it('waits for an app that starts asynchronously', async () => {
    const slow = new OpenSpeed().get('/', (c) => c.text('ready'))
    slow.addHook('onStart', async () => {})
    expect(await (await toBunHandler(slow)(new Request('http://x/'), server(null))).text()).toBe('ready')
  })
})

describe('what toBunHandler answers itself', () => {
  it('a Host no URL can hold is a 400, before the app runs', async () => {
    const response = await toBunHandler(app)(
      new Request('http://x/', { headers: { host: 'a:b' } }),
      server(null),
    )
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'OS_ERR_REQUEST_INVALID_HOST' })
  })

  it('a response the runtime refuses is the coded 500, reported to logError', async () => {
    const errors: unknown[] = []
    const broken = new OpenSpeed().get('/', () => new FastResponse(200, { 'x-bad': 'a\u0000b' }, 'never'))
    const handler = toBunHandler(broken, { logError: (error) => errors.push(error) })
    const response = await handler(new Request('http://x/'), server(null))
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ code: 'OS_ERR_INTERNAL' })
    expect(errors).toEqual([expect.any(TypeError)])
  })
})

it('explains that serve() needs Bun when run elsewhere', () => {
  expect(() => bunRuntime()).toThrow(/runs on Bun only/)
})
