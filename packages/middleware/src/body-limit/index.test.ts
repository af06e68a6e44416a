import { request } from 'node:http'
import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { problemOf, withServer } from '../../test/_serve.ts'
import { bodyLimit } from './index.ts'

function app() {
  let handled = 0
  const instance = new OpenSpeed({ bodyLimit: 1024 * 1024 })
    .use(bodyLimit({ maxSize: 16 }))
    .post('/echo', async (c) => {
      const text = await c.req.text()
      handled++
      return c.text(text)
    })
    .get('/', (c) => c.text('ok'))
  return { app: instance, handled: () => handled }
}

function chunked(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
}

describe('bodyLimit', () => {
  it('passes bodies within the limit to the handler, which reads them as usual', async () => {
    const { app: instance } = app()
    const declared = await instance.request('/echo', { method: 'POST', body: '0123456789abcdef' })
    expect(await declared.text()).toBe('0123456789abcdef')
    const streamed = await instance.request('/echo', {
      method: 'POST',
      body: chunked('01234', '56789'),
      duplex: 'half',
    } as RequestInit)
    expect(await streamed.text()).toBe('0123456789')
    expect((await instance.request('/')).status).toBe(200)
  })

  it('refuses a declared length over the limit with 413 before the handler runs', async () => {
    const { app: instance, handled } = app()
    const response = await instance.request('/echo', { method: 'POST', body: 'x'.repeat(17) })
    expect(response.status).toBe(413)
    expect(await problemOf(response)).toMatchObject({ code: 'OS_ERR_REQUEST_BODY_TOO_LARGE' })
    expect(handled()).toBe(0)
  })

  it('refuses a body without declared length once reading passes the limit', async () => {
    const { app: instance, handled } = app()
    const response = await instance.request('/echo', {
      method: 'POST',
      body: chunked('0123456789', '0123456789'),
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect((await problemOf(response)).detail).toContain('16 bytes')
    expect(handled()).toBe(0)
  })

  it('applies per route, lower or higher than the app limit', async () => {
    const instance = new OpenSpeed({ bodyLimit: 32 })
      .post('/small', bodyLimit({ maxSize: 4 }), async (c) => c.text(await c.req.text()))
      .post('/big', bodyLimit({ maxSize: 64 }), async (c) => c.text(await c.req.text()))
      .post('/default', async (c) => c.text(await c.req.text()))
    expect((await instance.request('/small', { method: 'POST', body: '12345' })).status).toBe(413)
    const overApp = (body: string) => ({ method: 'POST', body: chunked(body), duplex: 'half' }) as RequestInit
    expect(await (await instance.request('/big', overApp('x'.repeat(40)))).text()).toBe('x'.repeat(40))
    expect((await instance.request('/big', overApp('x'.repeat(65)))).status).toBe(413)
    expect((await instance.request('/default', overApp('x'.repeat(40)))).status).toBe(413)
  })

  it('rejects an invalid limit when created', () => {
    expect(() => bodyLimit({ maxSize: -1 })).toThrow(/maxSize/)
    expect(() => bodyLimit({ maxSize: 1.5 })).toThrow(/maxSize/)
  })
})

function post(
  url: string,
  headers: Record<string, string>,
  chunks: string[],
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

describe('bodyLimit over a real socket', () => {
  it('refuses declared and chunked oversized bodies sent to the Node adapter', async () => {
    const { app: instance, handled } = app()
    await withServer(instance, async (url) => {
      const declared = await post(`${url}/echo`, { 'content-length': '100' }, ['x'.repeat(100)])
      expect(declared.status).toBe(413)
      const chunkedBody = await post(`${url}/echo`, { 'transfer-encoding': 'chunked' }, [
        'x'.repeat(10),
        'y'.repeat(10),
      ])
      expect(chunkedBody.status).toBe(413)
      expect(JSON.parse(chunkedBody.body)).toMatchObject({
        status: 413,
        code: 'OS_ERR_REQUEST_BODY_TOO_LARGE',
      })
      const fine = await post(`${url}/echo`, { 'transfer-encoding': 'chunked' }, ['abc', 'def'])
      expect(fine).toEqual({ status: 200, body: 'abcdef' })
      expect(handled()).toBe(1)
    })
  })
})
