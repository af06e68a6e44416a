import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it, vi } from 'vitest'
import { fixture, lambdaContext } from '../test/_lambda.ts'
import { handle } from './handle.ts'

const bytes = (...values: number[]) => new Uint8Array(values)
const app = new OpenSpeed()
  .get('/json', (c) => c.json({ ok: 'ü' }))
  .get('/problem', (c) => c.body('{"a":1}', 200, { 'content-type': 'application/problem+json' }))
  .get('/svg', (c) => c.body('<svg/>', 200, { 'content-type': 'image/svg+xml' }))
  .get('/latin1', (c) => c.body(bytes(0x63, 0x61, 0x66, 0xe9), 200, { 'content-type': 'text/plain' }))
  .get('/gzip', (c) =>
    c.body(bytes(0x1f, 0x8b, 0x08), 200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }),
  )
  .get('/png', (c) => c.body(bytes(0x89, 0x50, 0x4e, 0x47), 200, { 'content-type': 'image/png' }))
  .get('/none', (c) => c.body(bytes(0x00, 0xff)))
  .get('/later', (c) => {
    c.executionCtx!.waitUntil(new Promise((resolve) => setTimeout(resolve, 5)).then(() => order.push('work')))
    c.executionCtx!.waitUntil(Promise.reject(new Error('audit log down')))
    return c.text('done')
  })
const order: string[] = []

const request = async (path: string, logError = () => {}) => {
  const event = fixture('http-api-v2')
  event.rawPath = path
  event.requestContext.http.method = 'GET'
  return handle(app, { logError })(event, lambdaContext())
}

describe('response bodies', () => {
  it.each([
    ['/json', '{"ok":"ü"}'],
    ['/problem', '{"a":1}'],
  ])('%s stays UTF-8 text', async (path, body) => {
    expect(await request(path)).toMatchObject({ body, isBase64Encoded: false })
  })

  it('an image/svg+xml body is base64, like every non-text type', async () => {
    expect(await request('/svg')).toMatchObject({
      body: Buffer.from('<svg/>').toString('base64'),
      isBase64Encoded: true,
    })
  })

  it.each([
    ['/latin1', [0x63, 0x61, 0x66, 0xe9]],
    ['/gzip', [0x1f, 0x8b, 0x08]],
    ['/png', [0x89, 0x50, 0x4e, 0x47]],
    ['/none', [0x00, 0xff]],
  ])('%s goes as base64 with every byte kept', async (path, expected) => {
    const result = await request(path)
    expect(result.isBase64Encoded).toBe(true)
    expect([...Buffer.from(result.body!, 'base64')]).toEqual(expected)
  })
})

it('awaits waitUntil work before returning and reports its failures', async () => {
  const logError = vi.fn()
  const result = await request('/later', logError)
  order.push('returned')
  expect(result.body).toBe('done')
  expect(order).toEqual(['work', 'returned'])
  expect(logError).toHaveBeenCalledWith(new Error('audit log down'))
})
