import { createServer } from 'node:net'
import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { createClient } from './client.ts'

const inner = new OpenSpeed().get('/headers', (c) => c.json(c.req.header()))
const app = new OpenSpeed()
  .route('/api', inner)
  .post('/api/echo', async (c) => c.json({ body: await c.req.json(), query: c.req.queries() }))
  .get('/api/empty-error', (c) => c.body(null, 401))
  .get('/api/stream', (c) =>
    c.stream(async (stream) => {
      await stream.write('{"a":')
      await new Promise((resolve) => setTimeout(resolve, 50))
      await stream.write('1}')
    }, 'application/json'),
  )

async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('createClient options', () => {
  it('joins the base URL path prefix and sends default, dynamic and per-call headers', async () => {
    let calls = 0
    const api = createClient<typeof inner>('http://localhost/api/', {
      fetch: app.fetch,
      headers: () => ({ authorization: `Bearer ${++calls}`, 'x-a': 'default', 'x-b': 'default' }),
    })
    const first = await api.get('/headers', { headers: { 'x-b': 'call' } })
    expect(first).toMatchObject({
      ok: true,
      data: { authorization: 'Bearer 1', 'x-a': 'default', 'x-b': 'call' },
    })
    const second = await api.get('/headers')
    expect(second).toMatchObject({
      data: { authorization: 'Bearer 2', accept: expect.stringContaining('json') },
    })
  })

  it('sends the Request to a custom fetch and never mutates the inputs', async () => {
    const seen: Request[] = []
    const api = createClient<typeof app>(new URL('http://localhost'), {
      headers: new Headers({ 'x-static': '1' }),
      fetch: (request) => {
        seen.push(request)
        return app.fetch(request)
      },
    })
    const options = Object.freeze({
      json: Object.freeze({ nested: Object.freeze({ n: 1 }) }),
      query: Object.freeze({ tags: Object.freeze(['a', 'b']) }),
      headers: Object.freeze({ 'x-call': '1' }),
    })
    const result = await api.post('/api/echo', options)
    expect(result).toMatchObject({
      ok: true,
      data: { body: { nested: { n: 1 } }, query: { tags: ['a', 'b'] } },
    })
    expect(seen[0]!.method).toBe('POST')
    expect(seen[0]!.url).toBe('http://localhost/api/echo?tags=a&tags=b')
    expect(seen[0]!.headers.get('content-type')).toBe('application/json')
    expect(seen[0]!.headers.get('x-static')).toBe('1')
    expect(options).toEqual({
      json: { nested: { n: 1 } },
      query: { tags: ['a', 'b'] },
      headers: { 'x-call': '1' },
    })
  })

  it('throws OS_ERR_CLIENT_NETWORK with the cause when the server cannot be reached', async () => {
    const api = createClient<typeof app>(`http://127.0.0.1:${await closedPort()}`)
    const error = await api.get('/api/headers').catch((caught: unknown) => caught)
    expect(error).toMatchObject({
      name: 'ClientError',
      code: 'OS_ERR_CLIENT_NETWORK',
      cause: expect.any(Error),
    })
    expect((error as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/api\/headers failed: TypeError/)
  })

  it('throws OS_ERR_CLIENT_INVALID_REQUEST for a GET body or a header fetch refuses', async () => {
    const api = createClient<typeof app>('http://localhost', { fetch: app.fetch })
    await expect(api.get('/api/headers', { json: { a: 1 } })).rejects.toMatchObject({
      code: 'OS_ERR_CLIENT_INVALID_REQUEST',
    })
    await expect(api.get('/api/headers', { headers: { 'x-bad': 'a\nb' } })).rejects.toMatchObject({
      code: 'OS_ERR_CLIENT_INVALID_REQUEST',
    })
  })

  it('throws OS_ERR_CLIENT_NOT_PROBLEM for an error without a body', async () => {
    const api = createClient<typeof app>('http://localhost', { fetch: app.fetch })
    await expect(api.get('/api/empty-error')).rejects.toMatchObject({
      code: 'OS_ERR_CLIENT_NOT_PROBLEM',
      status: 401,
      message: 'The server answered 401 with no content type instead of a JSON problem',
    })
  })

  it('aborts while the response body is being read', async () => {
    const api = createClient<typeof app>('http://localhost', { fetch: app.fetch })
    const controller = new AbortController()
    const pending = api.get('/api/stream', { signal: controller.signal })
    setTimeout(() => controller.abort(), 10)
    await expect(pending).rejects.toMatchObject({ code: 'OS_ERR_CLIENT_ABORTED' })
  })
})
