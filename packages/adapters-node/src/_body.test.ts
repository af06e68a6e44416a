import { connect } from 'node:net'
import { OpenSpeed } from '@openspeed/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deferred, listen, type TestServer } from '../test/_helpers.ts'
import { NodeRequestSource } from './_request-source.ts'
import { toNodeHandler } from './to-node-handler.ts'

const json = { 'content-type': 'application/json' }
let server: TestServer
let arrived = deferred()
let bodyFailure = deferred<unknown>()

beforeAll(async () => {
  const app = new OpenSpeed({ bodyLimit: 64 * 1024 })
    .post('/json', async (c) => c.json(await c.req.json()))
    .post('/json-then-raw', async (c) => c.json({ parsed: await c.req.json(), raw: await c.req.raw.text() }))
    .post('/raw-then-json', async (c) => {
      const method = c.req.raw.method
      return c.json({ method, parsed: await c.req.json() })
    })
    .post('/raw', async (c) => c.text(await c.req.raw.text()))
    .post('/reading-then-raw', async (c) => {
      const reading = c.req.text()
      const raw = await c.req.raw.text()
      return c.json({ raw, text: await reading })
    })
    .post('/stream-abort', async (c) => {
      arrived.resolve()
      const reader = c.req.stream()!.getReader()
      for (;;) {
        const read = await reader.read().catch((error: unknown) => bodyFailure.resolve(error))
        if (!read || read.done) break
      }
      return c.text('never seen')
    })
    .post('/count', async (c) => {
      let size = 0
      const reader = c.req.stream()!.getReader()
      for (let read = await reader.read(); !read.done; read = await reader.read())
        size += read.value.byteLength
      return c.json({ size })
    })
    .post('/cancel', async (c) => {
      await c.req.stream()!.cancel()
      return c.text('cancelled')
    })
    .get('/stream', (c) => c.json({ stream: c.req.stream() }))
    .post('/empty', async (c) => c.json({ text: await c.req.text(), again: await c.req.text() }))
    .post('/partial', async (c) => {
      arrived.resolve()
      await c.req.text().catch((error: unknown) => bodyFailure.resolve(error))
      return c.text('never seen')
    })
  server = await listen(toNodeHandler(app))
})
afterAll(() => server.close())

describe('request body', () => {
  it('parses a JSON body', async () => {
    const response = await fetch(`${server.url}/json`, { method: 'POST', headers: json, body: '{"a":[1,2]}' })
    expect(await response.json()).toEqual({ a: [1, 2] })
  })

  it('keeps the bytes it read so c.req.raw still carries the body', async () => {
    const response = await fetch(`${server.url}/json-then-raw`, {
      method: 'POST',
      headers: json,
      body: '{"a":1}',
    })
    expect(await response.json()).toEqual({ parsed: { a: 1 }, raw: '{"a":1}' })
  })

  it('reads the body through c.req.json() after c.req.raw was built', async () => {
    const response = await fetch(`${server.url}/raw-then-json`, {
      method: 'POST',
      headers: json,
      body: '[true]',
    })
    expect(await response.json()).toEqual({ method: 'POST', parsed: [true] })
  })

  it('streams a chunked body to c.req.raw', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('hello '))
        controller.enqueue(new TextEncoder().encode('world'))
        controller.close()
      },
    })
    const response = await fetch(`${server.url}/raw`, { method: 'POST', body, duplex: 'half' } as RequestInit)
    expect(await response.text()).toBe('hello world')
  })

  it('gives c.req.raw the body a pending body read is consuming', async () => {
    const response = await fetch(`${server.url}/reading-then-raw`, { method: 'POST', body: 'same bytes' })
    expect(await response.json()).toEqual({ raw: 'same bytes', text: 'same bytes' })
  })

  it('errors the body stream when the client leaves mid-body', async () => {
    arrived = deferred()
    bodyFailure = deferred()
    const socket = connect(server.port, '127.0.0.1')
    socket.write('POST /stream-abort HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789')
    await arrived.promise
    socket.destroy()
    expect(await bodyFailure.promise).toMatchObject({ status: 400 })
  })

  it('streams a body larger than the body limit through c.req.stream()', async () => {
    const size = 1024 * 1024
    const response = await fetch(`${server.url}/count`, { method: 'POST', body: new Uint8Array(size) })
    expect(await response.json()).toEqual({ size })
  })

  it('answers after the stream is cancelled, discarding the rest of the body', async () => {
    const response = await fetch(`${server.url}/cancel`, { method: 'POST', body: new Uint8Array(256 * 1024) })
    expect(await response.text()).toBe('cancelled')
  })

  it('has no stream and an empty body when none was sent', async () => {
    expect(await (await fetch(`${server.url}/stream`)).json()).toEqual({ stream: null })
    const response = await fetch(`${server.url}/empty`, { method: 'POST' })
    expect(await response.json()).toEqual({ text: '', again: '' })
  })

  it('rejects the body read when the client leaves mid-body', async () => {
    arrived = deferred()
    bodyFailure = deferred()
    const socket = connect(server.port, '127.0.0.1')
    socket.write('POST /partial HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789')
    await arrived.promise
    socket.destroy()
    expect(await bodyFailure.promise).toMatchObject({ status: 400 })
  })
})

describe('NodeRequestSource', () => {
  async function withSource(
    body: string,
    use: (source: NodeRequestSource) => Promise<unknown>,
  ): Promise<unknown> {
    const result = deferred<unknown>()
    const direct = await listen((req, res) => {
      use(new NodeRequestSource(req, res)).then(result.resolve, result.resolve)
      res.end()
    })
    await fetch(direct.url, { method: 'POST', body })
    await direct.close()
    return result.promise
  }

  const text = (stream: ReadableStream<Uint8Array> | null) => new Response(stream).text()

  it('serves the bytes it read again as a stream and as the Web Request body', async () => {
    const result = await withSource('kept', async (source) => {
      const bytes = await source.readBody(100)
      const request = source.toRequest()
      return {
        again: (await source.readBody(100)) === bytes,
        stream: await text(source.stream()),
        request: await request.text(),
        cached: source.toRequest() === request,
      }
    })
    expect(result).toEqual({ again: true, stream: 'kept', request: 'kept', cached: true })
  })

  it('reads the body through a stream it already handed out, unless that stream is locked', async () => {
    expect(
      await withSource('via stream', async (source) => {
        expect(source.stream()).toBe(source.stream())
        return new TextDecoder().decode(await source.readBody(100))
      }),
    ).toBe('via stream')
    expect(
      await withSource('locked', async (source) => {
        source.stream()!.getReader()
        return source.readBody(100)
      }),
    ).toMatchObject({ name: 'NodeAdapterError', code: 'OS_ERR_NODE_BODY_STREAM_LOCKED' })
  })

  it('applies the limit to a body read through a stream', async () => {
    const error = await withSource('x'.repeat(50), async (source) => {
      source.stream()
      return source.readBody(10)
    })
    expect(error).toMatchObject({ status: 413 })
  })
})
