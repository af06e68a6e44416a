import { request as httpRequest } from 'node:http'
import { getConnInfo, OpenSpeed } from '@openspeed/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deferred, listen, rawRequest, sleep, type TestServer } from '../test/_helpers.ts'
import { splitAbsoluteForm } from './_target.ts'
import { toNodeHandler } from './to-node-handler.ts'

let server: TestServer
let aborted = deferred<unknown>()
let arrived = deferred()

beforeAll(async () => {
  const app = new OpenSpeed()
    .get('/headers', (c) =>
      c.json({
        one: c.req.header('x-multi'),
        all: c.req.header(),
        url: c.req.url,
        cookies: c.req.header('set-cookie') ?? null,
        rawCookies: c.req.raw.headers.getSetCookie(),
      }),
    )
    .get('/raw', (c) =>
      c.json({ url: c.req.raw.url, body: c.req.raw.body, host: c.req.raw.headers.get('host') }),
    )
    .get('/wait-abort', (c) => {
      c.req.signal.addEventListener('abort', () => aborted.resolve(c.req.signal.reason))
      arrived.resolve()
      return new Promise(() => {})
    })
    .get('/late-signal', async (c) => {
      arrived.resolve()
      await sleep(150)
      aborted.resolve(c.req.signal.aborted)
      return c.text('late')
    })
    .get('/conn', (c) => c.json(getConnInfo(c)))
    .get('/signal', (c) => {
      const signal = c.req.signal
      setTimeout(() => aborted.resolve(signal.aborted), 100)
      return c.text('done')
    })
  server = await listen(toNodeHandler(app))
})
afterAll(() => server.close())

describe('connection info', () => {
  it('reports the TCP peer, never a forwarded-for header', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/conn`, {
      headers: { 'x-forwarded-for': '10.9.8.7' },
    })
    const { remote } = await response.json()
    expect(remote.address).toBe('127.0.0.1')
    expect(remote.family).toBe('IPv4')
    expect(remote.port).toBeGreaterThan(0)
  })
})

describe('headers and URL', () => {
  it('joins repeated headers with ", " and lists every header', async () => {
    const response = await rawRequest(
      server.port,
      'GET /headers HTTP/1.1\r\nHost: api.test:81\r\nX-Multi: a\r\nX-Multi: b\r\n' +
        'Set-Cookie: c=1\r\nSet-Cookie: d=2\r\nConnection: close\r\n\r\n',
    )
    const body = JSON.parse(response.body)
    expect(body.one).toBe('a, b')
    expect(body.cookies).toBe('c=1, d=2')
    expect(body.rawCookies).toEqual(['c=1', 'd=2'])
    expect(body.all).toMatchObject({ host: 'api.test:81', 'x-multi': 'a, b', connection: 'close' })
    expect(body.url).toBe('http://api.test:81/headers')
  })

  it('names localhost in the URL of a request without a Host header (HTTP/1.0)', async () => {
    const response = await rawRequest(server.port, 'GET /headers?q=1 HTTP/1.0\r\n\r\n', Infinity)
    expect(JSON.parse(response.body).url).toBe('http://localhost/headers?q=1')
  })

  it('splits absolute-form targets', () => {
    expect(splitAbsoluteForm('HTTP://Host:1/a/b?c#d')).toEqual({
      origin: 'http://host:1',
      target: '/a/b?c#d',
    })
    expect(splitAbsoluteForm('http://host?x=1')).toEqual({ origin: 'http://host', target: '/?x=1' })
    expect(splitAbsoluteForm('https://host')).toEqual({ origin: 'https://host', target: '/' })
    expect(splitAbsoluteForm('http:///path')).toBeNull()
    expect(splitAbsoluteForm('*')).toBeNull()
  })

  it('builds a GET c.req.raw with the URL, headers and no body', async () => {
    const response = await fetch(`${server.url}/raw`)
    expect(await response.json()).toEqual({
      url: `${server.url}/raw`,
      body: null,
      host: `127.0.0.1:${server.port}`,
    })
  })
})

describe('c.req.signal', () => {
  it('aborts when the client disconnects before the response', async () => {
    aborted = deferred()
    arrived = deferred()
    const request = httpRequest(`${server.url}/wait-abort`)
    request.on('error', () => {})
    request.end()
    await arrived.promise
    request.destroy()
    const reason = await aborted.promise
    expect(reason).toBeInstanceOf(DOMException)
    expect((reason as DOMException).name).toBe('AbortError')
  })

  it('is already aborted when first read after the client left', async () => {
    aborted = deferred()
    arrived = deferred()
    const request = httpRequest(`${server.url}/late-signal`)
    request.on('error', () => {})
    request.end()
    await arrived.promise
    request.destroy()
    expect(await aborted.promise).toBe(true)
  })

  it('does not abort once the response is complete', async () => {
    aborted = deferred()
    const response = await fetch(`${server.url}/signal`)
    expect(await response.text()).toBe('done')
    expect(await aborted.promise).toBe(false)
  })
})
