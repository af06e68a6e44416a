import { FastResponse, OpenSpeed } from '@openspeed/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { listen, rawRequest, type TestServer } from '../test/_helpers.ts'
import { NodeAdapterError } from './errors.ts'
import { toNodeHandler } from './to-node-handler.ts'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  vi.unstubAllGlobals()
})

const problemOf = async (response: Response) => ({
  status: response.status,
  type: response.headers.get('content-type'),
  body: await response.json(),
})

describe('toNodeHandler', () => {
  it('serves an app inside a node:http server, next to other routes, with env', async () => {
    const app = new OpenSpeed<{ Bindings: { region: string } }>().get('/hello', (c) =>
      c.text(`hello from ${c.env.region}`),
    )
    const handler = toNodeHandler(app, { env: { region: 'eu' } })
    // the way Express mounts it: strip the prefix from req.url, then hand over
    server = await listen((req, res) => {
      if (req.url?.startsWith('/api/')) {
        req.url = req.url.slice(4)
        handler(req, res)
      } else {
        res.end('not the app')
      }
    })
    expect(await (await fetch(`${server.url}/api/hello`)).text()).toBe('hello from eu')
    expect(await (await fetch(`${server.url}/other`)).text()).toBe('not the app')
  })

  it('builds no Web Request or Response for a plain route, and a Request only for c.req.raw', async () => {
    const app = new OpenSpeed()
      .get('/fast', (c) => c.json({ id: c.req.query('id'), agent: c.req.header('user-agent') }))
      .get('/raw', (c) => c.text(c.req.raw.method))
    server = await listen(toNodeHandler(app))
    const port = server.port
    const counts = { Request: 0, Response: 0 }
    const counting = <T extends new (...args: any[]) => object>(name: 'Request' | 'Response', Class: T) =>
      new Proxy(Class, {
        construct(target, args, newTarget) {
          counts[name]++
          return Reflect.construct(target, args, newTarget)
        },
      })
    vi.stubGlobal('Request', counting('Request', Request))
    vi.stubGlobal('Response', counting('Response', Response))
    const fast = await rawRequest(
      port,
      'GET /fast?id=7 HTTP/1.1\r\nHost: x\r\nUser-Agent: t\r\nConnection: close\r\n\r\n',
    )
    expect(JSON.parse(fast.body)).toEqual({ id: '7', agent: 't' })
    expect(counts).toEqual({ Request: 0, Response: 0 })
    const raw = await rawRequest(port, 'GET /raw HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(raw.body).toBe('GET')
    expect(counts).toEqual({ Request: 1, Response: 0 })
  })

  it('answers 500 problem+json when app.handle() throws, and logs the error', async () => {
    const logError = vi.fn()
    const broken = {
      handle() {
        throw new Error('boom')
      },
    } as unknown as OpenSpeed
    server = await listen(toNodeHandler(broken, { logError }))
    const result = await problemOf(await fetch(server.url))
    expect(result).toMatchObject({
      status: 500,
      type: 'application/problem+json',
      body: { status: 500, title: 'Internal Server Error' },
    })
    expect(JSON.stringify(result.body)).not.toContain('boom')
    expect(logError).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }))
  })

  it('answers 500 when app.handle() rejects, even if the logger throws', async () => {
    const broken = { handle: () => Promise.reject(new Error('late boom')) } as unknown as OpenSpeed
    server = await listen(
      toNodeHandler(broken, {
        logError: () => {
          throw new Error('logger down')
        },
      }),
    )
    expect((await fetch(server.url)).status).toBe(500)
  })

  it('answers 500 when the response cannot be written (invalid header value)', async () => {
    const errors: unknown[] = []
    const app = new OpenSpeed().get('/', () => new FastResponse(200, { 'x-bad': 'a\u0000b' }, 'x'))
    server = await listen(toNodeHandler(app, { logError: (error) => errors.push(error) }))
    expect((await fetch(server.url)).status).toBe(500)
    expect(errors).toHaveLength(1)
  })

  it('answers the coded 500 for a body of an unsupported type and logs a coded error', async () => {
    const errors: unknown[] = []
    const app = new OpenSpeed().get('/', () => new FastResponse(200, {}, 42 as never))
    server = await listen(toNodeHandler(app, { logError: (error) => errors.push(error) }))
    const response = await fetch(server.url)
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ code: 'OS_ERR_INTERNAL' })
    expect(NodeAdapterError.isInstance(errors[0])).toBe(true)
    expect(errors[0]).toMatchObject({ code: 'OS_ERR_NODE_UNSUPPORTED_BODY' })
  })

  it('destroys the connection when writing fails after the headers went out', async () => {
    class BrokenBody extends Response {
      override get body(): never {
        throw new Error('unreadable body')
      }
    }
    const locked = new Response('locked')
    locked.body!.getReader()
    const app = new OpenSpeed()
      .get('/broken', () => new BrokenBody('x'))
      .get('/locked', () => locked)
      .get('/ok', (c) => c.text('ok'))
    server = await listen(toNodeHandler(app, { logError: () => {} }))
    await expect(fetch(`${server.url}/broken`).then((response) => response.text())).rejects.toThrow()
    await expect(fetch(`${server.url}/locked`).then((response) => response.text())).rejects.toThrow()
    expect(await (await fetch(`${server.url}/ok`)).text()).toBe('ok')
  })

  it('uses console.error by default', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const broken = { handle: () => Promise.reject(new Error('quiet')) } as unknown as OpenSpeed
    server = await listen(toNodeHandler(broken))
    expect((await fetch(server.url)).status).toBe(500)
    expect(spy).toHaveBeenCalledWith(expect.stringContaining('[openspeed]'), expect.any(Error))
    spy.mockRestore()
  })
})
