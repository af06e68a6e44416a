import { connect } from 'node:http2'
import { OpenSpeed } from '@openspeed/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawRequest } from '../test/_helpers.ts'
import { type ServeHandle, serve } from './serve.ts'

let handle: ServeHandle
let redirecting: ServeHandle
let h2: ServeHandle
let handled = 0

// parses the URL the way csrf() and origin checks do; an unparseable URL would make this a 500
const parseUrl = async (c: { req: { url: string } }, next: () => Promise<void>) => {
  handled++
  new URL(c.req.url)
  await next()
}

beforeAll(async () => {
  const app = new OpenSpeed().use(parseUrl).get('/raw', (c) => c.json({ raw: c.req.raw.url, url: c.req.url }))
  const slashes = new OpenSpeed({ trailingSlash: 'redirect' }).get('/a', (c) => c.text('a'))
  const options = { port: 0, hostname: '127.0.0.1', gracefulShutdown: false } as const
  ;[handle, redirecting, h2] = await Promise.all([
    serve(app, options),
    serve(slashes, options),
    serve(app, { ...options, http2: true }),
  ])
})
afterAll(() => Promise.all([handle.close(), redirecting.close(), h2.close()]))

const send = (port: number, head: string) =>
  rawRequest(port, `${head}\r\nConnection: close\r\n\r\n`, Number.POSITIVE_INFINITY)

function expectInvalidHost(response: Awaited<ReturnType<typeof send>>): void {
  expect(response.status).toBe(400)
  expect(response.headers['content-type']).toBe('application/problem+json')
  expect(response.headers.connection).toBe('close')
  expect(JSON.parse(response.body)).toMatchObject({ status: 400, code: 'OS_ERR_REQUEST_INVALID_HOST' })
}

describe('an invalid Host header or absolute-form target', () => {
  it.each([
    ['a port that is not a number', 'GET /raw HTTP/1.1\r\nHost: a:b'],
    ['a port over 65535', 'GET /raw HTTP/1.1\r\nHost: localhost:99999'],
    ['an unclosed IPv6 literal', 'GET /raw HTTP/1.1\r\nHost: [::1'],
    ['user-info', 'GET /raw HTTP/1.1\r\nHost: user@example.com'],
    ['a path in the Host', 'GET /raw HTTP/1.1\r\nHost: evil.test/x?'],
    ['an encoded slash', 'GET /raw HTTP/1.1\r\nHost: a%2fb'],
    ['an absolute-form port over 65535', 'GET http://h:99999/raw HTTP/1.1\r\nHost: h'],
    ['an absolute-form port that is not a number', 'GET http://a:b/raw HTTP/1.1\r\nHost: h'],
    ['absolute-form user-info', 'GET http://user@h/raw HTTP/1.1\r\nHost: h'],
  ])('is a 400 answered before the app runs: %s', async (_, head) => {
    const before = handled
    expectInvalidHost(await send(handle.port, head))
    expect(handled).toBe(before)
  })

  it('is a 400, not a redirect to an unparseable URL, with trailingSlash: redirect', async () => {
    expectInvalidHost(await send(redirecting.port, 'GET /a/?x=1 HTTP/1.1\r\nHost: localhost:99999'))
    const valid = await send(redirecting.port, 'GET /a/?x=1 HTTP/1.1\r\nHost: example.com')
    expect(valid.status).toBe(308)
    expect(valid.headers.location).toBe('/a?x=1')
  })

  it('is a 400 over HTTP/2 when :authority is invalid', async () => {
    const session = connect(h2.url)
    try {
      const stream = session.request({ ':path': '/raw', ':authority': 'localhost:99999' })
      const [status, body] = await new Promise<[number, string]>((resolve, reject) => {
        let text = ''
        let code = 0
        stream.on('response', (headers) => {
          code = Number(headers[':status'])
        })
        stream.setEncoding('utf8')
        stream.on('data', (chunk: string) => {
          text += chunk
        })
        stream.on('end', () => resolve([code, text]))
        stream.on('error', reject)
      })
      expect(status).toBe(400)
      expect(JSON.parse(body).code).toBe('OS_ERR_REQUEST_INVALID_HOST')
    } finally {
      session.close()
    }
  })
})

describe('valid hosts', () => {
  it.each([
    ['example.com', 'http://example.com/raw?q=1'],
    ['example.com:65535', 'http://example.com:65535/raw?q=1'],
    ['[::1]:8080', 'http://[::1]:8080/raw?q=1'],
    ['127.0.0.1:80', 'http://127.0.0.1:80/raw?q=1'],
  ])('%s gives a c.req.url and c.req.raw.url that parse', async (host, url) => {
    const response = await send(handle.port, `GET /raw?q=1 HTTP/1.1\r\nHost: ${host}`)
    expect(response.status).toBe(200)
    const body = JSON.parse(response.body) as { raw: string; url: string }
    expect(body.url).toBe(url)
    expect(new URL(body.raw).href).toBe(new URL(url).href)
  })

  it('routes a valid absolute-form target by its path and keeps its authority', async () => {
    const response = await send(handle.port, 'GET http://Example.com:8080/raw HTTP/1.1\r\nHost: ignored')
    expect(JSON.parse(response.body).url).toBe('http://example.com:8080/raw')
  })

  it('keeps serving after invalid hosts, on the same server', async () => {
    for (let i = 0; i < 20; i++)
      expectInvalidHost(await send(handle.port, `GET /raw HTTP/1.1\r\nHost: h:${70000 + i}`))
    const response = await fetch(`${handle.url}/raw`)
    expect(response.status).toBe(200)
  })
})
