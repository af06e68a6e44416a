import { serve } from '@openspeed/adapters-node'
import { HttpError, OpenSpeed, validate } from '@openspeed/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createClient } from './client.ts'
import { ClientError } from './client-error.ts'

function createApp() {
  const books = new Map<string, { id: string; title: string; year?: number }>()
  return new OpenSpeed()
    .get('/text', (c) => c.text('plain'))
    .get('/books', validate('query', z.object({ limit: z.coerce.number().default(10) })), (c) =>
      c.json({ items: [...books.values()].slice(0, c.req.valid('query').limit) }),
    )
    .post(
      '/books',
      validate('json', z.strictObject({ title: z.string().min(1), year: z.int().optional() })),
      (c) => {
        const book = { id: String(books.size + 1), ...c.req.valid('json') }
        books.set(book.id, book)
        return c.json(book, 201)
      },
    )
    .get('/books/:id', (c) => {
      const book = books.get(c.req.param('id'))
      if (book === undefined) throw new HttpError(404, { code: 'BOOKS_NOT_FOUND', detail: 'No such book' })
      return c.json(book)
    })
    .delete('/books/:id', (c) => c.body(null, books.delete(c.req.param('id')) ? 204 : 404))
    .post(
      '/login',
      validate('form', z.object({ user: z.string(), tags: z.array(z.string()).optional() })),
      (c) => c.json(c.req.valid('form')),
    )
    .post('/upload', async (c) => {
      const file = (await c.req.formData()).get('file') as File
      return c.json({ name: file.name, size: file.size })
    })
    .get('/whoami', validate('headers', z.object({ 'x-user': z.string() })), (c) =>
      c.json({ user: c.req.valid('headers')['x-user'], auth: c.req.header('authorization') ?? null }),
    )
    .get('/echo/:name', (c) =>
      c.json({ name: c.req.param('name'), raw: c.req.path, query: c.req.queries(), cookie: c.req.cookie() }),
    )
    .get('/files/*path', (c) => c.json({ path: c.req.param('path'), raw: c.req.path }))
    .get('/posts/:slug?', (c) => c.json({ slug: c.req.param('slug') ?? null }))
    .all('/any', (c) => c.json({ method: c.req.method }))
    .on('PURGE', '/cache', (c) => c.json({ purged: true }))
    .get(
      '/html-error',
      () => new Response('<h1>Bad Gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }),
    )
    .get('/broken-json', () => new Response('{oops', { headers: { 'content-type': 'application/json' } }))
    .get('/bytes', (c) =>
      c.body(new Uint8Array([1, 2, 3]), 200, { 'content-type': 'application/octet-stream' }),
    )
    .get('/slow', async (c) => {
      await new Promise<void>((resolve) => c.req.signal.addEventListener('abort', () => resolve()))
      return c.text('late')
    })
}

const app = createApp()
let server: Awaited<ReturnType<typeof serve>>
beforeAll(async () => {
  server = await serve(createApp(), { port: 0, hostname: '127.0.0.1', gracefulShutdown: false })
})
afterAll(async () => {
  await server?.close()
})

const transports = [
  ['a real server', () => createClient<typeof app>(server.url)],
  ['app.fetch', () => createClient<typeof app>('http://localhost', { fetch: app.fetch })],
] as const

describe.each(transports)('through %s', (_name, makeClient) => {
  it('creates and reads a resource with typed data', async () => {
    const api = makeClient()
    const created = await api.post('/books', { json: { title: 'Dune', year: 1965 } })
    expect(created.ok && created.status).toBe(201)
    if (!created.ok) throw new Error('expected a book')
    const read = await api.get('/books/:id', { params: { id: created.data.id } })
    expect(read).toMatchObject({
      ok: true,
      status: 200,
      data: { id: created.data.id, title: 'Dune', year: 1965 },
    })
    const list = await api.get('/books', { query: { limit: 1 } })
    expect(list.ok && list.data.items).toHaveLength(1)
    const removed = await api.delete('/books/:id', { params: { id: created.data.id } })
    expect(removed).toMatchObject({ ok: true, status: 204, data: undefined })
  })

  it('returns problems for error answers', async () => {
    const api = makeClient()
    const missing = await api.get('/books/:id', { params: { id: 'nope' } })
    expect(missing.ok).toBe(false)
    if (missing.ok) return
    expect(missing.status).toBe(404)
    expect(missing.problem).toMatchObject({ status: 404, code: 'BOOKS_NOT_FOUND', detail: 'No such book' })
    const invalid = await api.post('/books', { json: { title: '' } })
    expect(invalid.ok).toBe(false)
    if (!invalid.ok) {
      expect(invalid.problem.code).toBe('OS_ERR_VALIDATION_FAILED')
      expect(invalid.problem.errors).toEqual([expect.objectContaining({ where: 'json', path: '/title' })])
    }
  })

  it('percent-encodes path parameters and keeps catch-all slashes', async () => {
    const api = makeClient()
    const echo = await api.get('/echo/:name', { params: { name: 'a b/c?d#e%' } })
    // an unencoded "/", "?" or "#" would miss the route or cut the name short
    expect(echo.ok && echo.data).toMatchObject({ name: 'a b/c?d#e%', query: {} })
    const file = await api.get('/files/*path', { params: { path: 'dir one/ü.txt' } })
    expect(file.ok && file.data).toEqual({ path: 'dir one/ü.txt', raw: '/files/dir one/ü.txt' })
    expect(await api.get('/posts/:slug?')).toMatchObject({ data: { slug: null } })
    expect(await api.get('/posts/:slug?', { params: { slug: 'intro' } })).toMatchObject({
      data: { slug: 'intro' },
    })
  })

  it('repeats array query values, drops undefined ones and sends cookies', async () => {
    const api = makeClient()
    const at = new Date(Date.UTC(2024, 0, 2))
    const result = await api.get('/echo/:name', {
      params: { name: 'q' },
      query: { tag: ['a', 'b&c'], n: 1, flag: true, at, skip: undefined, none: null },
      cookie: { session: 'x y' },
    })
    expect(result.ok && result.data).toMatchObject({
      query: { tag: ['a', 'b&c'], n: ['1'], flag: ['true'], at: [at.toISOString()] },
      cookie: { session: 'x y' },
    })
  })

  it('sends forms (urlencoded, multipart with files) and typed headers', async () => {
    const api = makeClient()
    const login = await api.post('/login', { form: { user: 'ada', tags: ['a', 'b'] } })
    expect(login.ok && login.data).toEqual({ user: 'ada', tags: ['a', 'b'] })
    const upload = await api.post('/upload', { form: { file: new File(['hello'], 'hi.txt') } })
    expect(upload.ok && upload.data).toEqual({ name: 'hi.txt', size: 5 })
    const who = await api.get('/whoami', { headers: { 'x-user': 'ada' } })
    expect(who.ok && who.data).toEqual({ user: 'ada', auth: null })
  })

  it('reads text bodies and leaves other bodies for streaming', async () => {
    const api = makeClient()
    expect(await api.get('/text')).toMatchObject({ ok: true, data: 'plain' })
    const bytes = await api.get('/bytes')
    expect(bytes.ok && bytes.data).toBeUndefined()
    expect(new Uint8Array(await bytes.response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]))
  })

  it('calls any method, including custom ones', async () => {
    const api = makeClient()
    expect(await api.patch('/any')).toMatchObject({ data: { method: 'PATCH' } })
    expect(await api.request('purge', '/cache')).toMatchObject({ ok: true, data: { purged: true } })
  })

  it('throws a ClientError for a non-JSON error body or broken JSON', async () => {
    const api = makeClient()
    const html = await api.get('/html-error').catch((error: unknown) => error)
    expect(ClientError.isInstance(html) && [html.code, html.status]).toEqual([
      'OS_ERR_CLIENT_NOT_PROBLEM',
      502,
    ])
    expect((html as Error).message).toBe(
      'The server answered 502 with text/html instead of a JSON problem: <h1>Bad Gateway</h1>',
    )
    await expect(api.get('/broken-json')).rejects.toMatchObject({
      code: 'OS_ERR_CLIENT_INVALID_JSON',
      status: 200,
    })
  })

  it('aborts through an AbortSignal', async () => {
    const api = makeClient()
    const controller = new AbortController()
    const pending = api.get('/slow', { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('stop')), 20)
    await expect(pending).rejects.toMatchObject({ code: 'OS_ERR_CLIENT_ABORTED', cause: new Error('stop') })
    await expect(api.get('/text', { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'OS_ERR_CLIENT_ABORTED',
    })
  })
})
