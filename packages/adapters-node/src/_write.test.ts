import { get, request as httpRequest, type IncomingMessage } from 'node:http'
import { FastResponse, OpenSpeed } from '@openspeed/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deferred, listen, rawRequest, sleep, type TestServer } from '../test/_helpers.ts'
import { toNodeHandler } from './to-node-handler.ts'

const chunk = new Uint8Array(64 * 1024).fill(97)
let server: TestServer
let written = 0
let streamAborted = deferred()

beforeAll(async () => {
  const app = new OpenSpeed()
    .get('/text', (c) => c.text('héllo'))
    .get('/bytes', (c) =>
      c.body(new Uint8Array([1, 2, 3]), 200, { 'content-type': 'application/octet-stream' }),
    )
    .get('/buffer', (c) => c.body(new Uint8Array([4, 5]).buffer))
    .get('/empty', (c) => c.body(null, 202))
    .get('/no-content', (c) => c.body(null, 204))
    .get('/cookies', (c) => {
      c.header('set-cookie', 'a=1')
      c.header('set-cookie', 'b=2')
      return c.text('ok')
    })
    .get('/web', () => {
      const headers = new Headers({ 'x-web': 'yes' })
      headers.append('set-cookie', 'c=3')
      headers.append('set-cookie', 'd=4')
      return new Response('from a Response', { status: 201, headers })
    })
    .get('/web-empty', () => new Response(null, { status: 204 }))
    .get('/stream', (c) =>
      c.stream(async (stream) => {
        for (let i = 0; i < 3; i++) await stream.write(`line ${i}\n`)
      }),
    )
    .get('/big-stream', (c) =>
      c.stream(async (stream) => {
        for (written = 0; written < 512 && !stream.aborted; written++) await stream.write(chunk)
      }),
    )
    .get('/endless', (c) =>
      c.stream(async (stream) => {
        stream.onAbort(() => streamAborted.resolve())
        while (!stream.aborted) await stream.write(chunk)
      }),
    )
    .get('/failing-stream', (c) =>
      c.stream(async (stream) => {
        await stream.write('partial')
        await sleep(20)
        throw new Error('stream failed')
      }),
    )
    .get('/head-stream', (c) =>
      c.stream(async (stream) => {
        stream.onAbort(() => streamAborted.resolve())
        await stream.write('never sent')
      }),
    )
    .get(
      '/connection',
      () => new FastResponse(200, { connection: 'close', 'content-type': 'text/plain' }, 'bye'),
    )
  server = await listen(toNodeHandler(app))
})
afterAll(() => server.close())

describe('FastResponse bodies', () => {
  it('writes a string with its byte length', async () => {
    const response = await rawRequest(
      server.port,
      'GET /text HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    )
    expect(response.status).toBe(200)
    expect(response.headers['content-length']).toBe('6')
    expect(response.headers['transfer-encoding']).toBeUndefined()
    expect(Buffer.from(response.body, 'latin1').toString('utf8')).toBe('héllo')
  })

  it('writes bytes and ArrayBuffers', async () => {
    const bytes = await fetch(`${server.url}/bytes`)
    expect(bytes.headers.get('content-length')).toBe('3')
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([1, 2, 3])
    const buffer = await fetch(`${server.url}/buffer`)
    expect([...new Uint8Array(await buffer.arrayBuffer())]).toEqual([4, 5])
  })

  it('writes an empty body with Content-Length 0, and none for 204', async () => {
    const empty = await rawRequest(server.port, 'GET /empty HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(empty.status).toBe(202)
    expect(empty.headers['content-length']).toBe('0')
    const none = await rawRequest(
      server.port,
      'GET /no-content HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    )
    expect(none.status).toBe(204)
    expect(none.headers['content-length']).toBeUndefined()
  })

  it('keeps several Set-Cookie headers apart', async () => {
    const response = await fetch(`${server.url}/cookies`)
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
  })
})

describe('Web Response results', () => {
  it('writes status, headers, every Set-Cookie and the body', async () => {
    const response = await fetch(`${server.url}/web`)
    expect(response.status).toBe(201)
    expect(response.headers.get('x-web')).toBe('yes')
    expect(response.headers.getSetCookie()).toEqual(['c=3', 'd=4'])
    expect(await response.text()).toBe('from a Response')
  })

  it('writes a Response without a body', async () => {
    const response = await fetch(`${server.url}/web-empty`)
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
  })
})

describe('HEAD', () => {
  it('sends the headers of GET, with its Content-Length, and no body', async () => {
    const response = await rawRequest(
      server.port,
      'HEAD /text HTTP/1.1\r\nHost: x\r\n\r\nGET /text HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    )
    expect(response.status).toBe(200)
    expect(response.headers['content-length']).toBe('6')
    // the next bytes are the second response: the HEAD response had no body
    expect(response.body.startsWith('HTTP/1.1 200 OK')).toBe(true)
  })

  it('cancels a streamed body', async () => {
    streamAborted = deferred()
    const response = await fetch(`${server.url}/head-stream`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    await streamAborted.promise
  })

  it('answers a Web Response without its body', async () => {
    const response = await fetch(`${server.url}/web`, { method: 'HEAD' })
    expect(response.status).toBe(201)
    expect(await response.text()).toBe('')
  })
})

describe('streamed bodies', () => {
  it('streams chunks in order', async () => {
    const response = await fetch(`${server.url}/stream`)
    expect(response.headers.get('transfer-encoding')).toBe('chunked')
    expect(await response.text()).toBe('line 0\nline 1\nline 2\n')
  })

  it('waits for the client to read (backpressure), then sends everything', async () => {
    const response = await new Promise<IncomingMessage>((resolve) => get(`${server.url}/big-stream`, resolve))
    response.pause()
    await sleep(300)
    const whilePaused = written
    expect(whilePaused).toBeLessThan(256)
    let size = 0
    response.on('data', (data: Buffer) => {
      size += data.length
    })
    response.resume()
    await new Promise((resolve) => response.on('end', resolve))
    expect(size).toBe(512 * chunk.length)
  })

  it('cancels the stream when the client goes away', async () => {
    streamAborted = deferred()
    const request = httpRequest(`${server.url}/endless`)
    request.on('error', () => {})
    request.on('response', (response) => response.once('data', () => request.destroy()))
    request.end()
    await streamAborted.promise
  })

  it('aborts the response when the stream fails after the headers went out', async () => {
    const response = await rawRequest(server.port, 'GET /failing-stream HTTP/1.1\r\nHost: x\r\n\r\n', 2000)
    expect(response.status).toBe(200)
    expect(response.body).toContain('partial')
    expect(response.body.endsWith('0\r\n\r\n')).toBe(false)
  })
})

it('passes Connection headers through on HTTP/1.1', async () => {
  const response = await rawRequest(server.port, 'GET /connection HTTP/1.1\r\nHost: x\r\n\r\n', 2000)
  expect(response.headers.connection).toBe('close')
  expect(response.body).toBe('bye')
})
