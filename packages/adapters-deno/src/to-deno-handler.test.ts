import { FastResponse, getConnInfo, OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { toConnInfo } from './_conn-info.ts'
import { denoRuntime } from './_deno.ts'
import { toDenoHandler } from './to-deno-handler.ts'

const app = new OpenSpeed()
  .get('/', (c) => c.json({ env: c.env ?? null, conn: getConnInfo(c) }))
  .get('/text', (c) => c.text('twelve bytes'))
  .get('/stream', (c) => c.stream(async (stream) => stream.write('never read')))

describe('toConnInfo', () => {
  it('maps Deno TCP addresses, with the family from the address', () => {
    expect(toConnInfo({ remoteAddr: { transport: 'tcp', hostname: '::1', port: 1 } })).toEqual({
      remote: { address: '::1', port: 1, family: 'IPv6' },
    })
    expect(
      toConnInfo({ remoteAddr: { transport: 'tcp', hostname: '10.0.0.1', port: 2 } }).remote.family,
    ).toBe('IPv4')
  })

  it('reports nothing for unix sockets or missing info', () => {
    expect(toConnInfo({ remoteAddr: { transport: 'unix', path: '/tmp/s' } })).toEqual({ remote: {} })
    expect(toConnInfo(undefined)).toEqual({ remote: {} })
  })
})

describe('toDenoHandler', () => {
  // the info object has the shape Deno documents for Deno.ServeHandlerInfo; the real one is
  // exercised under Deno by serve.test.ts and the conformance suite
  const info = { remoteAddr: { transport: 'tcp' as const, hostname: '127.0.0.1', port: 4000 } }

  it('uses options.env as c.env and the info for getConnInfo()', async () => {
    const response = await toDenoHandler(app, { env: { a: 1 } })(new Request('http://x/'), info)
    expect(await response.json()).toEqual({
      env: { a: 1 },
      conn: { remote: { address: '127.0.0.1', port: 4000, family: 'IPv4' } },
    })
  })

  it('answers HEAD without a body but with the Content-Length of the GET body', async () => {
    const handler = toDenoHandler(app)
    const head = await handler(new Request('http://x/text', { method: 'HEAD' }), info)
    expect(head.headers.get('content-length')).toBe('12')
    expect(await head.text()).toBe('')
    expect((await handler(new Request('http://x/stream', { method: 'HEAD' }), info)).body).toBeNull()
  })

  it('waits for an app that starts asynchronously', async () => {
    const slow = new OpenSpeed().get('/', (c) => c.text('ready'))
    slow.addHook('onStart', async () => {})
    expect(await (await toDenoHandler(slow)(new Request('http://x/'))).text()).toBe('ready')
  })
})

it('explains that serve() needs Deno when run elsewhere', () => {
  expect(() => denoRuntime()).toThrow(/runs on Deno only/)
})

describe('what toDenoHandler answers itself', () => {
  it('a Host no URL can hold is a 400, before the app runs', async () => {
    const response = await toDenoHandler(app)(new Request('http://x/', { headers: { host: 'evil.test/x?' } }))
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'OS_ERR_REQUEST_INVALID_HOST' })
  })

  it('a response the runtime refuses is the coded 500, reported to logError', async () => {
    const errors: unknown[] = []
    const broken = new OpenSpeed().get('/', () => new FastResponse(200, { 'x-bad': 'a\u0000b' }, 'never'))
    const response = await toDenoHandler(broken, { logError: (error) => errors.push(error) })(
      new Request('http://x/'),
    )
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ code: 'OS_ERR_INTERNAL' })
    expect(errors).toEqual([expect.any(TypeError)])
  })
})
