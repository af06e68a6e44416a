import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { HttpError } from './http-error.ts'
import { OpenSpeed } from './open-speed.ts'
import type { StandardSchemaResult, StandardSchemaV1 } from './standard-schema.ts'
import { validate } from './validate.ts'

const jsonInit = (body: unknown): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
})

describe('validate() with zod', () => {
  const book = z.object({ title: z.string().min(1), tags: z.array(z.string()).max(2).default([]) })
  const app = new OpenSpeed()
    .post('/books', validate('json', book), (c) => c.json(c.req.valid('json'), 201))
    .get(
      '/search',
      validate(
        'query',
        z.object({ page: z.coerce.number().int().min(1), tag: z.array(z.string()).optional() }),
      ),
      (c) => c.json(c.req.valid('query')),
    )
    .get('/items/:id', validate('params', z.object({ id: z.string().uuid() })), (c) =>
      c.json(c.req.valid('params')),
    )
    .get('/me', validate('headers', z.object({ authorization: z.string().startsWith('Bearer ') })), (c) =>
      c.text('ok'),
    )
    .get('/prefs', validate('cookie', z.object({ theme: z.enum(['dark', 'light']) })), (c) =>
      c.json(c.req.valid('cookie')),
    )
    .post('/form', validate('form', z.object({ name: z.string(), roles: z.array(z.string()) })), (c) =>
      c.json(c.req.valid('form')),
    )

  it('passes the parsed value (with defaults) to the handler', async () => {
    const response = await app.request('/books', jsonInit({ title: 'Dune' }))
    expect([response.status, await response.json()]).toEqual([201, { title: 'Dune', tags: [] }])
  })

  it('answers 400 listing every issue with where, path and message', async () => {
    const response = await app.request('/books', jsonInit({ title: '', tags: ['a', 'b', 'c'] }))
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = await response.json()
    expect(problem).toMatchObject({
      title: 'Bad Request',
      status: 400,
      code: 'OS_ERR_VALIDATION_FAILED',
      instance: '/books',
    })
    expect(problem.errors).toEqual([
      { where: 'json', path: '/title', message: expect.stringMatching(/>=1 characters/) },
      { where: 'json', path: '/tags', message: expect.stringMatching(/<=2 items/) },
    ])
    expect(problem.detail).toMatch(/^Invalid json: \/title: .+; \/tags: .+/)
  })

  it('keeps invalid JSON and wrong content types as 400 and 415', async () => {
    expect(
      (
        await app.request('/books', {
          method: 'POST',
          body: '{',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400)
    expect(
      (await app.request('/books', { method: 'POST', body: '{}', headers: { 'content-type': 'text/plain' } }))
        .status,
    ).toBe(415)
  })

  it('validates query strings, keeping repeated keys as lists', async () => {
    expect(await (await app.request('/search?page=2&tag=a&tag=b')).json()).toEqual({
      page: 2,
      tag: ['a', 'b'],
    })
    const bad = await (await app.request('/search?page=0')).json()
    expect(bad.errors).toEqual([{ where: 'query', path: '/page', message: expect.any(String) }])
  })

  it('validates params, headers, cookies and forms', async () => {
    expect((await app.request('/items/not-a-uuid')).status).toBe(400)
    const id = crypto.randomUUID()
    expect(await (await app.request(`/items/${id}`)).json()).toEqual({ id })
    expect((await app.request('/me')).status).toBe(400)
    expect((await app.request('/me', { headers: { authorization: 'Bearer x' } })).status).toBe(200)
    expect(await (await app.request('/prefs', { headers: { cookie: 'theme=dark' } })).json()).toEqual({
      theme: 'dark',
    })
    const form = await app.request('/form', {
      method: 'POST',
      body: 'name=ada&roles=a&roles=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(await form.json()).toEqual({ name: 'ada', roles: ['a', 'b'] })
  })

  it('throws for an unknown target', () => {
    expect(() => validate('body' as 'json', z.string())).toThrow(/Unknown validation target "body"/)
  })
})

describe('validate() with other Standard Schema libraries', () => {
  it('works with valibot', async () => {
    const app = new OpenSpeed().post(
      '/v',
      validate('json', v.object({ n: v.pipe(v.number(), v.minValue(10)) })),
      (c) => c.json(c.req.valid('json')),
    )
    expect(await (await app.request('/v', jsonInit({ n: 12 }))).json()).toEqual({ n: 12 })
    const problem = await (await app.request('/v', jsonInit({ n: 1 }))).json()
    expect(problem.errors).toEqual([{ where: 'json', path: '/n', message: expect.stringMatching(/10/) }])
  })

  it('awaits async validators and escapes JSON Pointer paths', async () => {
    const asyncSchema: StandardSchemaV1<unknown, { ok: true }> = {
      '~standard': {
        version: 1,
        vendor: 'custom',
        validate: async (value) =>
          (value as { ok?: boolean }).ok
            ? { value: { ok: true } }
            : { issues: [{ message: 'not ok', path: [{ key: 'a/b' }, 'c~d', 0] }, { message: 'root' }] },
      },
    }
    const app = new OpenSpeed().post('/a', validate('json', asyncSchema), (c) => c.json(c.req.valid('json')))
    expect(await (await app.request('/a', jsonInit({ ok: true }))).json()).toEqual({ ok: true })
    const problem = await (await app.request('/a', jsonInit({}))).json()
    expect(problem.errors).toEqual([
      { where: 'json', path: '/a~1b/c~0d/0', message: 'not ok' },
      { where: 'json', path: '', message: 'root' },
    ])
    expect(problem.detail).toBe('Invalid json: /a~1b/c~0d/0: not ok; root')
  })

  it('awaits validators that return a thenable that is not a native promise', async () => {
    const thenable = <T>(value: T): PromiseLike<T> => ({
      // biome-ignore lint/suspicious/noThenProperty: the point of the test is a non-native thenable
      then: (resolve, reject) => Promise.resolve(value).then(resolve, reject),
    })
    const schema: StandardSchemaV1<unknown, { n: number }> = {
      '~standard': {
        version: 1,
        vendor: 'custom',
        validate: (value) =>
          thenable(
            typeof (value as { n?: unknown }).n === 'number'
              ? { value: value as { n: number } }
              : { issues: [{ message: 'n must be a number', path: ['n'] }] },
          ) as unknown as Promise<StandardSchemaResult<{ n: number }>>,
      },
    }
    const app = new OpenSpeed().post('/n', validate('json', schema), (c) => c.json(c.req.valid('json')))
    expect(await (await app.request('/n', jsonInit({ n: 1 }))).json()).toEqual({ n: 1 })
    const refused = await app.request('/n', jsonInit({ n: 'x' }))
    expect(refused.status).toBe(400)
    expect((await refused.json()).errors).toEqual([
      { where: 'json', path: '/n', message: 'n must be a number' },
    ])
  })
})

describe('validate() error formatting', () => {
  const bad = { title: 1, extra: true }
  const shapes = {
    zod: z.strictObject({ title: z.string() }),
    valibot: v.strictObject({ title: v.string() }),
  }

  it.each(Object.entries(shapes))('answers %s failures in the same problem shape', async (_name, schema) => {
    const app = new OpenSpeed().post('/', validate('json', schema), (c) => c.json(c.req.valid('json')))
    const response = await app.request('/', jsonInit(bad))
    expect(response.status).toBe(400)
    const problem = await response.json()
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'OS_ERR_VALIDATION_FAILED',
      instance: '/',
      detail: expect.stringMatching(/^Invalid json: \/title: .+; \/extra: .+$/),
      errors: [
        { where: 'json', path: '/title', message: expect.any(String) },
        { where: 'json', path: '/extra', message: expect.stringMatching(/extra/) },
      ],
    })
  })

  it('lets onError answer, throw another error, or keep the default', async () => {
    const schema = z.object({ n: z.number() })
    const app = new OpenSpeed()
      .post(
        '/custom',
        validate('json', schema, {
          onError: ({ target, value, issues, error }, c) =>
            c.json({ target, value, count: issues.length, errors: error.errors }, 422),
        }),
        (c) => c.json(c.req.valid('json')),
      )
      .post('/default', validate('json', schema, { onError: () => undefined }), (c) =>
        c.json(c.req.valid('json')),
      )
    const custom = await app.request('/custom', jsonInit({ n: 'x' }))
    expect([custom.status, await custom.json()]).toEqual([
      422,
      {
        target: 'json',
        value: { n: 'x' },
        count: 1,
        errors: [{ where: 'json', path: '/n', message: expect.any(String) }],
      },
    ])
    expect((await app.request('/custom', jsonInit({ n: 1 }))).status).toBe(200)
    const fallback = await app.request('/default', jsonInit({}))
    expect(fallback.status).toBe(400)
    expect((await fallback.json()).code).toBe('OS_ERR_VALIDATION_FAILED')
  })

  it('lets app.onError reformat every validation failure app-wide', async () => {
    const app = new OpenSpeed()
      .onError((error, c) =>
        HttpError.isInstance(error) && error.code === 'OS_ERR_VALIDATION_FAILED'
          ? c.json({ invalid: error.errors!.map((issue) => issue.path) }, 422)
          : c.json({ other: true }, 500),
      )
      .get('/', validate('query', z.object({ page: z.coerce.number() })), (c) => c.json(c.req.valid('query')))
    const response = await app.request('/?page=x')
    expect([response.status, await response.json()]).toEqual([422, { invalid: ['/page'] }])
  })
})
