import { HttpError, OpenSpeed, type ProblemDetails, validate } from '@openspeed/core'
import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { createClient } from './client.ts'
import type { ClientResult, Failure, Success } from './types.ts'

const bookInput = z.strictObject({ title: z.string().min(1), year: z.int().optional() })
const app = new OpenSpeed()
  .get('/books', validate('query', z.object({ limit: z.coerce.number().default(10) })), (c) =>
    c.json({ items: [{ id: '1', title: 'Dune' }], limit: c.req.valid('query').limit }),
  )
  .post('/books', validate('json', bookInput), (c) => c.json({ id: '1', ...c.req.valid('json') }, 201))
  .get('/books/:id', (c) => {
    if (c.req.param('id') === '0') throw new HttpError(404)
    return c.json({ id: c.req.param('id'), title: 'Dune' })
  })
  .post('/login', validate('form', z.object({ user: z.string() })), (c) => c.json({ ok: true }))
  .get('/whoami', validate('headers', z.object({ 'x-user': z.string() })), (c) => c.text('hi'))
  .get('/files/*path', (c) => c.json({ path: c.req.param('path') }))
  .get('/posts/:slug?', (c) => c.json({ slug: c.req.param('slug') }))
  .all('/any', (c) => c.json({ method: c.req.method }))
  .on('PURGE', '/cache', (c) => c.json({ purged: true }))
  .get('/dated', () => ({ at: new Date(0), n: 1 }))
  .post('/notes', validate('json', z.object({ text: z.string(), pinned: z.boolean().default(false) })), (c) =>
    c.json({ pinned: c.req.valid('json').pinned }),
  )
  .get(
    '/moves',
    validate('query', z.object({ direction: z.enum(['up', 'down']), steps: z.int(), fast: z.boolean() })),
    (c) => c.json(c.req.valid('query')),
  )

const api = createClient<typeof app>('http://localhost')

describe('request bodies', () => {
  it('are typed from the schema input: a field with a default may be left out', () => {
    api.post('/notes', { json: { text: 'hi' } })
    api.post('/notes', { json: { text: 'hi', pinned: true } })
    // @ts-expect-error the default does not make a wrong type acceptable
    api.post('/notes', { json: { text: 'hi', pinned: 'yes' } })
    // @ts-expect-error a field without a default is still required
    api.post('/notes', { json: { pinned: true } })
  })

  it('keep the output type on the server side', () => {
    new OpenSpeed().post('/n', validate('json', z.object({ pinned: z.boolean().default(false) })), (c) => {
      expectTypeOf(c.req.valid('json').pinned).toEqualTypeOf<boolean>()
      return c.text('ok')
    })
  })
})

describe('paths and methods', () => {
  it('accepts registered paths for their method', () => {
    api.get('/books')
    api.get('/books/:id', { params: { id: '1' } })
    api.post('/books', { json: { title: 'Dune' } })
    api.get('/any')
    api.delete('/any')
    api.request('PURGE', '/cache')
  })

  it('rejects unknown paths and the wrong method', () => {
    // @ts-expect-error: no such path
    api.get('/authors')
    // @ts-expect-error: /login only answers POST
    api.get('/login', {})
    // @ts-expect-error: /books/:id has no PUT
    api.put('/books/:id', { params: { id: '1' } })
    // @ts-expect-error: /cache only answers PURGE
    api.request('DELETE', '/cache')
  })
})

describe('path parameters', () => {
  it('requires every parameter of the path, by name', () => {
    api.get('/books/:id', { params: { id: 42 } })
    // @ts-expect-error: params are required
    api.get('/books/:id')
    // @ts-expect-error: wrong parameter name
    api.get('/books/:id', { params: { bookId: '1' } })
    // @ts-expect-error: /books has no parameters
    api.get('/books', { params: { id: '1' } })
  })

  it('types optional and catch-all parameters', () => {
    api.get('/posts/:slug?')
    api.get('/posts/:slug?', { params: { slug: 'intro' } })
    api.get('/files/*path', { params: { path: 'a/b.txt' } })
  })
})

describe('bodies, query, headers', () => {
  it('requires the validated JSON body', () => {
    api.post('/books', { json: { title: 'Dune', year: 1965 } })
    // @ts-expect-error: the body is required
    api.post('/books')
    // @ts-expect-error: title must be a string
    api.post('/books', { json: { title: 1 } })
    // @ts-expect-error: unknown key
    api.post('/books', { json: { title: 'Dune', pages: 10 } })
    // @ts-expect-error: a JSON route takes no form
    api.post('/books', { json: { title: 'Dune' }, form: { title: 'Dune' } })
  })

  it('types form bodies, query and headers', () => {
    api.post('/login', { form: { user: 'ada' } })
    api.post('/login', { form: new FormData() })
    // @ts-expect-error: wrong form field type
    api.post('/login', { form: { user: 1 } })
    api.get('/books', { query: { limit: 5 } })
    api.get('/books', { query: { limit: '5' } })
    // @ts-expect-error: unknown query key
    api.get('/books', { query: { page: 1 } })
    api.get('/whoami', { headers: { 'x-user': 'ada', 'x-extra': '1' } })
  })

  it('types query values from the schema, also as the text they are sent as', () => {
    api.get('/moves', { query: { direction: 'up', steps: 3, fast: true } })
    api.get('/moves', { query: { direction: 'down', steps: '3', fast: 'false' } })
    // @ts-expect-error: direction is an enum
    api.get('/moves', { query: { direction: 'sideways' } })
    // @ts-expect-error: steps is an integer
    api.get('/moves', { query: { steps: 'many' } })
    // @ts-expect-error: fast is a boolean
    api.get('/moves', { query: { fast: 'yes' } })
  })

  it('accepts a signal and extra fetch options', () => {
    api.get('/books', { signal: AbortSignal.timeout(1000), init: { credentials: 'include' } })
  })
})

describe('results', () => {
  it('types data by route and problems as RFC 9457 details', async () => {
    const result = await api.post('/books', { json: { title: 'Dune' } })
    if (result.ok) {
      expectTypeOf(result.data).toEqualTypeOf<{ title: string; year?: number | undefined; id: string }>()
      expectTypeOf(result.status).toEqualTypeOf<number>()
    } else {
      expectTypeOf(result.problem).toEqualTypeOf<ProblemDetails>()
    }
    expectTypeOf(result).toEqualTypeOf<
      Success<{ title: string; year?: number | undefined; id: string }> | Failure<ProblemDetails>
    >()
  })

  it('types text routes as strings and JSON-serialised values as what arrives', async () => {
    const text = await api.get('/whoami', { headers: { 'x-user': 'ada' } })
    if (text.ok) expectTypeOf(text.data).toEqualTypeOf<string>()
    const dated = await api.get('/dated')
    if (dated.ok) expectTypeOf(dated.data).toEqualTypeOf<{ at: string; n: number }>()
    const list = await api.get('/books')
    if (list.ok) expectTypeOf(list.data.items[0]!.title).toEqualTypeOf<string>()
  })

  it('types each status of a contract that lists responses', () => {
    type Pet = { id: number; name: string }
    type E = {
      input: {}
      output: Pet
      responses: { 200: Pet; 404: { message: string }; default: ProblemDetails }
    }
    type R = ClientResult<E>
    expectTypeOf<Extract<R, { status: 200 }>['data']>().toEqualTypeOf<Pet>()
    expectTypeOf<Extract<R, { status: 404 }>['problem']>().toEqualTypeOf<{ message: string }>()
    expectTypeOf<Extract<R, { status: 404 }>>().toEqualTypeOf<Failure<{ message: string }, 404>>()
  })

  it('narrows on a status when the contract also lists default and 4XX answers', async () => {
    type Pet = { id: number; name: string }
    type E = {
      input: {}
      output: Pet
      responses: { 200: Pet; '4XX': { reason: string }; default: ProblemDetails }
    }
    const result = {} as ClientResult<E>
    if (result.status === 200) expectTypeOf(result.data).toEqualTypeOf<Pet>()
    if (result.status === 404) expectTypeOf(result.problem).toEqualTypeOf<{ reason: string }>()
    if (result.status === 503) expectTypeOf(result.problem).toEqualTypeOf<ProblemDetails>()
    if (result.ok) expectTypeOf(result.status).toEqualTypeOf<200>()
  })
})
