import { FastResponse, getConnInfo, OpenSpeed } from '@openspeed/core'
import { describe, expect, it, vi } from 'vitest'
import { handle } from './handle.ts'

const app = new OpenSpeed()
  .get('/ip', (c) => c.json(getConnInfo(c)))
  .get('/ctx', (c) => {
    c.executionCtx?.waitUntil(Promise.resolve('later'))
    return c.json({ hasContext: c.executionCtx !== undefined })
  })
const handler = handle(app)
const ip = async (headers: Record<string, string>) =>
  (await handler(new Request('https://example.vercel.app/ip', { headers }))).json()

describe('handle (Edge)', () => {
  it.each([
    [
      { 'x-real-ip': '203.0.113.5', 'x-forwarded-for': '198.51.100.1' },
      { address: '203.0.113.5', family: 'IPv4' },
    ],
    [{ 'x-forwarded-for': ' 2001:db8::5 , 10.0.0.1' }, { address: '2001:db8::5', family: 'IPv6' }],
    [
      { 'x-real-ip': ' ', 'x-forwarded-for': '198.51.100.1' },
      { address: '198.51.100.1', family: 'IPv4' },
    ],
    [{}, {}],
  ])('reads the client address Vercel set: %j', async (headers, remote) => {
    expect(await ip(headers)).toEqual({ remote })
  })

  it('hands an Edge context waitUntil to c.executionCtx, and works without one', async () => {
    const waited: Promise<unknown>[] = []
    const context = { waitUntil: (promise: Promise<unknown>) => void waited.push(promise) }
    const response = await handler(new Request('https://example.vercel.app/ctx'), context)
    expect(await response.json()).toEqual({ hasContext: true })
    expect(await Promise.all(waited)).toEqual(['later'])
    // a Next.js route context has no waitUntil
    const routeContext = { params: Promise.resolve({}) }
    expect(await (await handler(new Request('https://example.vercel.app/ctx'), routeContext)).json()).toEqual(
      {
        hasContext: false,
      },
    )
  })

  it('answers HEAD without a body and bad paths with a 400 problem', async () => {
    const head = await handler(new Request('https://example.vercel.app/ip', { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const bad = await handler(new Request('https://example.vercel.app/%E0%A4%A'))
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toBe('application/problem+json')
  })
})

describe('the last resort', () => {
  it('answers a response the runtime refuses with the coded 500 and reports the error', async () => {
    const logError = vi.fn()
    const broken = new OpenSpeed().get('/', () => new FastResponse(200, { 'x-bad': 'a\u0000b' }, 'never'))
    const response = await handle(broken, { logError })(new Request('https://example.vercel.app/'))
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ status: 500, code: 'OS_ERR_INTERNAL' })
    expect(logError).toHaveBeenCalledWith(expect.any(TypeError))
  })
})
