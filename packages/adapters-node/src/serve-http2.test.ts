import { type ClientHttp2Session, connect, type IncomingHttpHeaders } from 'node:http2'
import { Agent, request as httpsRequest } from 'node:https'
import { OpenSpeed } from '@openspeed/core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { deferred, selfSignedCertificate, sleep } from '../test/_helpers.ts'
import { type ServeHandle, serve } from './serve.ts'

const tls = selfSignedCertificate()
let slowArrived = deferred()

function createApp() {
  return new OpenSpeed()
    .get('/info', (c) =>
      c.json({ url: c.req.url, headers: c.req.header(), path: c.req.header(':path') ?? null }),
    )
    .get('/raw', (c) => c.json({ names: [...c.req.raw.headers.keys()] }))
    .post('/echo', async (c) => c.json({ received: await c.req.json() }))
    .get('/stream', (c) =>
      c.stream(async (stream) => {
        await stream.write('one ')
        await stream.write('two')
      }),
    )
    .get('/hop', (c) => {
      c.header('connection', 'keep-alive')
      c.header('transfer-encoding', 'chunked')
      return c.text('no hop-by-hop headers')
    })
    .get(
      '/web-hop',
      () => new Response('web', { headers: { connection: 'close', 'keep-alive': 'timeout=5' } }),
    )
    .get('/slow', async (c) => {
      slowArrived.resolve()
      await sleep(150)
      return c.text('slow done')
    })
}

interface H2Response {
  headers: IncomingHttpHeaders
  body: string
}

function h2Request(
  session: ClientHttp2Session,
  path: string,
  method = 'GET',
  body?: string,
): Promise<H2Response> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':path': path, ':method': method, 'content-type': 'application/json' })
    let headers: IncomingHttpHeaders = {}
    let text = ''
    stream.setEncoding('utf8')
    stream.on('response', (received) => {
      headers = received
    })
    stream.on('data', (chunk: string) => {
      text += chunk
    })
    stream.on('end', () => resolve({ headers, body: text }))
    stream.on('error', reject)
    stream.end(body)
  })
}

function sharedChecks(name: string, open: () => { base: string; session: ClientHttp2Session }) {
  describe(name, () => {
    it('serves a request, without leaking pseudo-headers into headers()', async () => {
      const { base, session } = open()
      const response = await h2Request(session, '/info?x=1')
      expect(response.headers[':status']).toBe(200)
      const body = JSON.parse(response.body)
      expect(body.url).toBe(`${base}/info?x=1`)
      expect(Object.keys(body.headers).filter((key) => key.startsWith(':'))).toEqual([])
      expect(body.path).toBeNull()
      const raw = JSON.parse((await h2Request(session, '/raw')).body)
      expect(raw.names.filter((key: string) => key.startsWith(':'))).toEqual([])
    })

    it('reads a request body and streams a response body', async () => {
      const { session } = open()
      const echo = await h2Request(session, '/echo', 'POST', '{"n":1}')
      expect(JSON.parse(echo.body)).toEqual({ received: { n: 1 } })
      expect((await h2Request(session, '/stream')).body).toBe('one two')
    })

    it('drops connection-specific headers HTTP/2 forbids, without a warning', async () => {
      const warn = vi.spyOn(process, 'emitWarning')
      const { session } = open()
      const fast = await h2Request(session, '/hop')
      expect(fast.body).toBe('no hop-by-hop headers')
      expect(fast.headers.connection).toBeUndefined()
      const web = await h2Request(session, '/web-hop')
      expect(web.body).toBe('web')
      expect(web.headers['keep-alive']).toBeUndefined()
      expect(warn).not.toHaveBeenCalled()
      warn.mockRestore()
    })
  })
}

describe.skipIf(tls === null)('HTTP/2 over TLS (openssl creates the test certificate)', () => {
  let handle: ServeHandle
  let session: ClientHttp2Session
  beforeAll(async () => {
    handle = await serve(createApp(), {
      port: 0,
      hostname: '127.0.0.1',
      http2: true,
      tls: tls!,
      gracefulShutdown: false,
    })
    session = connect(handle.url.replace('127.0.0.1', 'localhost'), { ca: tls!.cert })
  })
  afterAll(async () => {
    session.close()
    await handle.close()
  })

  it('reports an https URL', () => {
    expect(handle.url).toBe(`https://127.0.0.1:${handle.port}`)
  })

  sharedChecks('over TLS', () => ({ base: handle.url.replace('127.0.0.1', 'localhost'), session }))

  it('falls back to HTTP/1.1 through ALPN', async () => {
    const { version, body } = await new Promise<{ version: string; body: string }>((resolve, reject) => {
      httpsRequest(`${handle.url}/info`, { rejectUnauthorized: false }, (response) => {
        let text = ''
        response.on('data', (chunk) => {
          text += chunk
        })
        response.on('end', () => resolve({ version: response.httpVersion, body: text }))
      })
        .on('error', reject)
        .end()
    })
    expect(version).toBe('1.1')
    expect(JSON.parse(body).url).toBe(`${handle.url}/info`)
  })
})

describe('HTTP/2 cleartext (h2c)', () => {
  let handle: ServeHandle
  let session: ClientHttp2Session
  beforeAll(async () => {
    handle = await serve(createApp(), {
      port: 0,
      hostname: '127.0.0.1',
      http2: true,
      gracefulShutdown: false,
    })
    session = connect(handle.url)
  })
  afterAll(async () => {
    session.close()
    await handle.close()
  })
  sharedChecks('h2c', () => ({ base: handle.url, session }))
})

describe.skipIf(tls === null)('HTTP/2 graceful close', () => {
  it('finishes in-flight HTTP/2 and HTTP/1.1 requests, closes idle connections, then runs onClose', async () => {
    const events: string[] = []
    const app = createApp().addHook('onClose', () => {
      events.push('onClose')
    })
    const handle = await serve(app, {
      port: 0,
      hostname: '127.0.0.1',
      http2: true,
      tls: tls!,
      gracefulShutdown: false,
    })
    const session = connect(handle.url, { ca: tls!.cert, servername: 'localhost' })
    const idleSession = connect(handle.url, { ca: tls!.cert, servername: 'localhost' })
    await h2Request(idleSession, '/info')
    const agent = new Agent({ keepAlive: true, rejectUnauthorized: false })
    const h1 = (path: string) =>
      new Promise<{ body: string; connection?: string }>((resolve, reject) => {
        httpsRequest(`${handle.url}${path}`, { agent }, (response) => {
          let text = ''
          response.on('data', (chunk) => {
            text += chunk
          })
          response.on('end', () => resolve({ body: text, connection: response.headers.connection }))
        })
          .on('error', reject)
          .end()
      })
    await h1('/info') // leaves an idle HTTP/1.1 keep-alive connection
    slowArrived = deferred()
    const h2Slow = h2Request(session, '/slow').then((response) => {
      events.push('h2 done')
      return response
    })
    await slowArrived.promise
    slowArrived = deferred()
    const h1Slow = h1('/slow').then((response) => {
      events.push('h1 done')
      return response
    })
    await slowArrived.promise
    const started = Date.now()
    await handle.close()
    expect((await h2Slow).body).toBe('slow done')
    const h1Response = await h1Slow
    expect(h1Response).toEqual({ body: 'slow done', connection: 'close' })
    expect(events.at(-1)).toBe('onClose')
    expect(Date.now() - started).toBeLessThan(2000)
    agent.destroy()
  })
})
