import { OpenSpeed, validate } from '@openspeed/core'
import { toStandardJsonSchema } from '@valibot/to-json-schema'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { expectValidOpenApi } from '../test/_helpers.ts'
import { jsonSchema } from './json-schema.ts'
import { openapi } from './openapi.ts'

const jsonInit = (body: unknown): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
})

// one contract, three schema styles
const styles = {
  zod: z.strictObject({ title: z.string().min(1), year: z.int().optional() }),
  valibot: toStandardJsonSchema(
    v.strictObject({
      title: v.pipe(v.string(), v.minLength(1)),
      year: v.optional(v.pipe(v.number(), v.integer())),
    }),
  ),
  'JSON Schema': jsonSchema<{ title: string; year?: number }>({
    type: 'object',
    properties: { title: { type: 'string', minLength: 1 }, year: { type: 'integer' } },
    required: ['title'],
    additionalProperties: false,
  }),
}

describe.each(Object.entries(styles))('%s', (_style, schema) => {
  const app = new OpenSpeed().post('/books', validate('json', schema), (c) =>
    c.json(c.req.valid('json'), 201),
  )

  it('validates good input and passes it on', async () => {
    const response = await app.request('/books', jsonInit({ title: 'Dune', year: 1965 }))
    expect([response.status, await response.json()]).toEqual([201, { title: 'Dune', year: 1965 }])
  })

  it('answers bad input with the same problem shape as every other style', async () => {
    const response = await app.request('/books', jsonInit({ title: '', year: 1.5, extra: true }))
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = await response.json()
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'OS_ERR_VALIDATION_FAILED',
      instance: '/books',
      detail: expect.stringMatching(/^Invalid json: (\/\w+: [^;]+; ){2}\/\w+: .+$/),
      errors: expect.arrayContaining([
        { where: 'json', path: '/title', message: expect.any(String) },
        { where: 'json', path: '/year', message: expect.any(String) },
        { where: 'json', path: '/extra', message: expect.stringMatching(/extra/) },
      ]),
    })
    expect(problem.errors).toHaveLength(3)
  })

  it('answers a missing required field at its own path', async () => {
    const problem = await (await app.request('/books', jsonInit({}))).json()
    expect(problem.errors).toEqual([{ where: 'json', path: '/title', message: expect.any(String) }])
  })

  it('documents the same contract', async () => {
    const document = openapi(app, { info: { title: 'Styles', version: '1' } })
    const body = document.paths['/books']!.post!.requestBody as {
      content: { 'application/json': { schema: Record<string, unknown> } }
    }
    expect(body.content['application/json'].schema).toMatchObject({
      type: 'object',
      properties: { title: { type: 'string', minLength: 1 }, year: expect.objectContaining({}) },
      required: ['title'],
    })
    await expectValidOpenApi(document)
  })
})

describe('jsonSchema()', () => {
  it('coerces query strings when asked, and applies defaults', async () => {
    const query = jsonSchema<{ page: number; tags: string[] }>(
      {
        type: 'object',
        properties: {
          page: { type: 'integer', minimum: 1, default: 1 },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
      { coerce: true },
    )
    const app = new OpenSpeed().get('/', validate('query', query), (c) => c.json(c.req.valid('query')))
    expect(await (await app.request('/?page=3&tags=a')).json()).toEqual({ page: 3, tags: ['a'] })
    expect(await (await app.request('/')).json()).toEqual({ page: 1 })
    const bad = await (await app.request('/?page=zero')).json()
    expect(bad.errors).toEqual([{ where: 'query', path: '/page', message: 'must be integer' }])
  })

  it('checks formats and escapes nested paths', async () => {
    const schema = jsonSchema({
      type: 'object',
      properties: {
        'a/b': { type: 'array', items: { type: 'string', format: 'email' } },
        n: { type: 'string', format: 'int64' },
      },
    })
    const result = await schema['~standard'].validate({ 'a/b': ['x@example.com', 'nope'], n: 'anything' })
    expect(result.issues).toEqual([{ path: ['a/b', '1'], message: 'must match format "email"' }])
    expect(await schema['~standard'].validate(undefined)).toEqual({
      issues: [{ path: [], message: 'must be object' }],
    })
  })

  it('offers the Standard JSON Schema interface', () => {
    const raw = { type: 'string' }
    const schema = jsonSchema(raw) as unknown as {
      schema: object
      '~standard': { vendor: string; jsonSchema: { input: () => object; output: () => object } }
    }
    expect(schema.schema).toBe(raw)
    expect(schema['~standard'].vendor).toBe('openspeed')
    expect(schema['~standard'].jsonSchema.input()).toBe(raw)
    expect(schema['~standard'].jsonSchema.output()).toBe(raw)
  })

  it('throws OS_ERR_OPENAPI_INVALID_JSON_SCHEMA for a schema Ajv cannot compile', () => {
    expect(() => jsonSchema({ type: 'nonsense' })).toThrow(
      expect.objectContaining({
        code: 'OS_ERR_OPENAPI_INVALID_JSON_SCHEMA',
        message: expect.stringMatching(/invalid JSON Schema/),
      }),
    )
  })
})
