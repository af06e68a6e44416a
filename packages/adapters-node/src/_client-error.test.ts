import { OpenSpeed } from '@openspeed/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawRequest } from '../test/_helpers.ts'
import { type ServeHandle, serve } from './serve.ts'

const big = 'a'.repeat(2000)
let handle: ServeHandle

beforeAll(async () => {
  const app = new OpenSpeed({ bodyLimit: 1024 })
    .get('/', (c) => c.text('ok'))
    .get('/hello', (c) => c.json({ url: c.req.url }))
    .post('/json', async (c) => c.json(await c.req.json()))
    .get('/stream', (c) =>
      c.stream(async (stream) => {
        await stream.write('started')
        await new Promise((resolve) => setTimeout(resolve, 200))
        await stream.write('finished')
      }),
    )
  handle = await serve(app, { port: 0, hostname: '127.0.0.1', gracefulShutdown: false })
})
afterAll(() => handle.close())

const request = (data: string) => rawRequest(handle.port, data)
const problem = (body: string) => JSON.parse(body) as { status: number; title: string; detail?: string }

describe('requests Node rejects before the app sees them', () => {
  it.each([
    ['a bad request line', 'GARBAGE\r\n\r\n'],
    ['an invalid HTTP version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n'],
    ['a space in a header name', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header: v\r\n\r\n'],
    ['a control character in a header value', 'GET / HTTP/1.1\r\nHost: x\r\nX-A: v\x01x\r\n\r\n'],
  ])('answers %s with a 400 problem and closes the connection', async (_, data) => {
    const response = await request(data)
    expect(response.status).toBe(400)
    expect(response.headers['content-type']).toBe('application/problem+json')
    expect(response.headers.connection).toBe('close')
    expect(Number(response.headers['content-length'])).toBe(response.body.length)
    expect(problem(response.body)).toMatchObject({
      status: 400,
      title: 'Bad Request',
      code: 'OS_ERR_REQUEST_UNPARSABLE',
    })
  })

  it('closes the connection, without writing into it, when a response is in flight', async () => {
    const response = await request('GET /stream HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\n')
    expect(response.status).toBe(200)
    expect(response.raw).not.toContain('400 Bad Request')
    expect(response.raw).not.toContain('finished')
  })

  it('finishes the answer to a Connection: close request and ignores what the client sent after it', async () => {
    const response = await request(
      'GET /stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n',
    )
    expect(response.status).toBe(200)
    expect(response.raw).toContain('finished')
    expect(response.raw).not.toContain('400 Bad Request')
    expect(response.raw.match(/HTTP\/1\.1 /g)).toHaveLength(1)
  })

  it('answers headers over 16 KiB with 431', async () => {
    const response = await request(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`)
    expect(response.status).toBe(431)
    expect(response.headers.connection).toBe('close')
    expect(problem(response.body)).toMatchObject({
      status: 431,
      title: 'Request Header Fields Too Large',
      code: 'OS_ERR_REQUEST_HEADERS_TOO_LARGE',
    })
  })
})

describe('malformed requests the app answers', () => {
  it('answers bad percent-encoding in the path with a 400 problem', async () => {
    const response = await request('GET /caf%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(response.status).toBe(400)
    expect(response.headers['content-type']).toBe('application/problem+json')
    expect(problem(response.body).detail).toMatch(/percent-encoding/)
  })

  it('answers a target that is not a path (OPTIONS *) with 400', async () => {
    const response = await request('OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(response.status).toBe(400)
    expect(response.headers['content-type']).toBe('application/problem+json')
  })

  it('routes an absolute-form target by its path and reports its URL', async () => {
    const response = await request(
      'GET http://Example.com:8080/hello?x=1 HTTP/1.1\r\nHost: ignored\r\nConnection: close\r\n\r\n',
    )
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ url: 'http://example.com:8080/hello?x=1' })
  })

  it('answers a body over the limit with 413, with Content-Length', async () => {
    const response = await request(
      `POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n${big}`,
    )
    expect(response.status).toBe(413)
    expect(response.headers['content-type']).toBe('application/problem+json')
    expect(problem(response.body).status).toBe(413)
  })

  it('keeps the connection usable after a 413', async () => {
    const response = await request(
      `POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n${big}` +
        'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    )
    expect(response.status).toBe(413)
    expect(response.body).toMatch(/HTTP\/1\.1 200 OK[\s\S]*\r\n\r\nok$/)
  })

  it('answers a chunked body over the limit with 413', async () => {
    const response = await request(
      'POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n' +
        `7d0\r\n${big}\r\n0\r\n\r\n`,
    )
    expect(response.status).toBe(413)
    expect(problem(response.body).status).toBe(413)
  })

  it('answers invalid JSON with 400 and a wrong content type with 415', async () => {
    const invalid = await request(
      'POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{x}',
    )
    expect(invalid.status).toBe(400)
    expect(invalid.headers['content-type']).toBe('application/problem+json')
    const wrongType = await request(
      'POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
    )
    expect(wrongType.status).toBe(415)
    expect(wrongType.headers['content-type']).toBe('application/problem+json')
  })

  it('still answers normal requests after all of the above', async () => {
    const response = await fetch(`${handle.url}/`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('ok')
  })
})
