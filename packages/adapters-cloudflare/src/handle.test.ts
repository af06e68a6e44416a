import { FastResponse, getConnInfo, OpenSpeed } from '@openspeed/core'
import { describe, expect, it, vi } from 'vitest'
import { handle, toWorker } from './handle.ts'

type Bindings = { GREETING: string }
const waited: Promise<unknown>[] = []
const ctx = {
  waitUntil: (promise: Promise<unknown>) => void waited.push(promise),
  passThroughOnException() {},
}
const app = new OpenSpeed<{ Bindings: Bindings }>()
  .get('/hello', (c) => c.text(c.env.GREETING))
  .get('/ip', (c) => c.json(getConnInfo(c)))
  .get('/gzip', (c) =>
    c.body(new Uint8Array([0x1f, 0x8b]), 201, { 'content-encoding': 'gzip', 'x-kept': '1' }),
  )
  .get('/later', (c) => {
    c.executionCtx!.waitUntil(Promise.resolve('done'))
    return c.text('ok')
  })
const worker = handle(app)
const call = (path: string, headers: Record<string, string> = {}) =>
  worker.fetch(new Request(`https://example.com${path}`, { headers }), { GREETING: 'Hi' }, ctx)

describe('handle', () => {
  it('hands env to c.env and the execution context to c.executionCtx', async () => {
    expect(await (await call('/hello')).text()).toBe('Hi')
    await call('/later')
    expect(await Promise.all(waited)).toEqual(['done'])
  })

  it.each([
    [{ 'cf-connecting-ip': '203.0.113.9' }, { address: '203.0.113.9', family: 'IPv4' }],
    [{ 'cf-connecting-ip': '2001:db8::1' }, { address: '2001:db8::1', family: 'IPv6' }],
    [{ 'cf-connecting-ip': '' }, {}],
    [{ 'x-forwarded-for': '198.51.100.1', 'x-real-ip': '198.51.100.1' }, {}],
  ])('reads the client address from CF-Connecting-IP only: %j', async (headers, remote) => {
    expect(await (await call('/ip', headers)).json()).toEqual({ remote })
  })

  it('passes an encoded body through with its status and headers', async () => {
    const response = await call('/gzip')
    expect(response.status).toBe(201)
    expect(response.headers.get('x-kept')).toBe('1')
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0x1f, 0x8b])
  })

  it('answers HEAD without a body and unknown paths with problem+json', async () => {
    const head = await worker.fetch(
      new Request('https://example.com/hello', { method: 'HEAD' }),
      { GREETING: 'Hi' },
      ctx,
    )
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const missing = await call('/missing')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toBe('application/problem+json')
  })
})

describe('the last resort', () => {
  it('answers a response the runtime refuses with the coded 500, not the platform error page', async () => {
    const logError = vi.fn()
    const broken = new OpenSpeed().get('/', () => new FastResponse(200, { 'x-bad': 'a\u0000b' }, 'never'))
    const response = await handle(broken, { logError }).fetch(new Request('https://example.com/'), {}, ctx)
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ status: 500, code: 'OS_ERR_INTERNAL' })
    expect(logError).toHaveBeenCalledWith(expect.any(TypeError))
  })

  it('keeps toWorker as the deprecated name of handle', () => {
    expect(toWorker).toBe(handle)
  })
})
