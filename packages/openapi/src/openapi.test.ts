import { describe as doc, OpenSpeed, validate } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { expectValidOpenApi } from '../test/_helpers.ts'
import { createKitchenSink } from './_kitchen-sink.case.ts'
import { OpenApiError } from './errors.ts'
import { openapi } from './openapi.ts'

const info = { title: 'Kitchen sink', version: '1.2.3' }
const options = {
  info,
  servers: [{ url: 'https://api.example.test' }],
  securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
  security: [{ bearerAuth: [] }],
  tags: [{ name: 'books', description: 'Everything about books' }],
}

describe('openapi() on an app using every feature', () => {
  const document = openapi(createKitchenSink(), options)
  const problem = { $ref: '#/components/schemas/Problem' }
  const problemContent = { 'application/problem+json': { schema: problem } }

  it('passes a real OpenAPI 3.1 validator', async () => {
    await expectValidOpenApi(document)
    expect(document.openapi).toBe('3.1.0')
  })

  it('lists every path, turning patterns into templates and leaving hidden routes out', () => {
    expect(Object.keys(document.paths)).toEqual([
      '/books',
      '/books/{id}',
      '/notes',
      '/tags/{label}',
      '/upload',
      '/posts',
      '/posts/{slug}',
      '/files/{path}',
      '/static/{wildcard}',
      '/ping',
      '/admin/books/{id}',
    ])
    expect(Object.keys(document.paths['/ping']!)).toEqual(['get', 'post', 'put', 'patch', 'delete'])
    expect(document.paths['/ping']!.get!.summary).toBe('Ping')
    expect(document.paths['/ping']!.post).toMatchObject({
      operationId: 'postPing',
      summary: 'Ping with any method',
    })
  })

  it('documents path parameters, patterns and wildcards', () => {
    expect(document.paths['/books/{id}']!.get!.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^(?:[0-9]+)$' } },
    ])
    expect(document.paths['/files/{path}']!.get!.parameters).toEqual([
      {
        name: 'path',
        in: 'path',
        required: true,
        schema: { type: 'string', description: 'The rest of the path; may contain "/"' },
        description: 'The rest of the path; may contain "/"',
      },
    ])
    expect(document.paths['/posts']!.get!.parameters).toBeUndefined()
    expect(document.paths['/admin/books/{id}']!.delete!.parameters).toEqual([
      {
        name: 'id',
        in: 'path',
        required: true,
        schema: expect.objectContaining({ type: 'string', format: 'uuid' }),
      },
    ])
  })

  it('documents query, header and cookie parameters from their schemas', () => {
    const list = document.paths['/books']!.get!
    expect(list.parameters).toEqual([
      {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Page size',
        schema: expect.objectContaining({ type: 'integer', minimum: 1, maximum: 100, default: 20 }),
      },
      { name: 'tag', in: 'query', required: false, schema: { type: 'array', items: { type: 'string' } } },
      { name: 'x-trace', in: 'header', required: false, schema: { type: 'string' } },
      { name: 'session', in: 'cookie', required: true, schema: { type: 'string' } },
    ])
    expect(list.security).toEqual([])
    expect(Object.keys(list.responses as object)).toEqual(['200', '400', '500'])
  })

  it('documents JSON, form and multipart bodies in each schema style, with $ref components', () => {
    expect(document.paths['/books']!.post!.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/BookInput' } } },
    })
    expect(document.paths['/notes']!.post!.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } },
    })
    expect(document.paths['/tags/{label}']!.put!.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Tag' } } },
    })
    const upload = document.paths['/upload']!.post!.requestBody as { content: Record<string, unknown> }
    expect(Object.keys(upload.content)).toEqual(['application/x-www-form-urlencoded', 'multipart/form-data'])
    expect(upload.content['multipart/form-data']).toEqual({
      schema: expect.objectContaining({
        properties: {
          file: expect.objectContaining({ type: 'string', format: 'binary' }),
          caption: { type: 'string' },
        },
        required: ['file'],
      }),
    })
    const { schemas } = document.components!
    expect(Object.keys(schemas!).sort()).toEqual([
      'Author',
      'AuthorInput',
      'Book',
      'BookInput',
      'Note',
      'Problem',
      'Tag',
    ])
    expect(schemas!.BookInput).toMatchObject({
      properties: { author: { $ref: '#/components/schemas/AuthorInput' } },
      required: ['title', 'author'],
    })
    expect(schemas!.Book).toMatchObject({ required: ['title', 'author', 'tags'] })
    expect(schemas!.Note).toEqual({
      type: 'object',
      properties: { text: { type: 'string', minLength: 1 } },
      required: ['text'],
    })
  })

  it('documents described responses, headers and problem responses', () => {
    const create = document.paths['/books']!.post!
    expect(create.operationId).toBe('createBook')
    expect(create.responses).toEqual({
      201: {
        description: 'Created',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } },
        headers: { location: { description: 'Where it lives', required: true, schema: { type: 'string' } } },
      },
      409: { description: 'A book with that title exists', content: problemContent },
      400: { description: expect.any(String), content: problemContent },
      401: { description: expect.any(String), content: problemContent },
      413: { description: expect.any(String), content: problemContent },
      415: { description: expect.any(String), content: problemContent },
      500: { description: expect.any(String), content: problemContent },
    })
    const read = document.paths['/books/{id}']!.get!
    expect(read.deprecated).toBe(true)
    expect(Object.keys(read.responses as object)).toEqual(['200', '401', '404', '500'])
    const note = document.paths['/notes']!.post!.responses as Record<string, { content: object }>
    expect(note[422]!.content).toEqual({
      'application/problem+json': {
        schema: { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'] },
      },
    })
    expect(document.paths['/posts/{slug}']!.get!.responses).toEqual({
      200: { description: 'Successful response' },
      401: expect.anything(),
      500: expect.anything(),
    })
  })

  it('carries info, servers, security, tags and group-level documentation', () => {
    expect(document.info).toEqual(info)
    expect(document.servers).toEqual(options.servers)
    expect(document.security).toEqual(options.security)
    expect(document.components!.securitySchemes).toEqual(options.securitySchemes)
    expect(document.tags).toEqual([
      { name: 'books', description: 'Everything about books' },
      { name: 'notes' },
      { name: 'admin' },
    ])
    expect(document.paths['/admin/books/{id}']!.delete).toMatchObject({
      tags: ['admin'],
      security: [{ bearerAuth: [] }],
      operationId: 'deleteAdminBooksById',
    })
  })
})

describe('openapi() edge cases', () => {
  it('documents a bare app with generated ids and no problem responses when asked', async () => {
    const app = new OpenSpeed().get('/a', (c) => c.text('a')).get('/a/', (c) => c.text('a/'))
    const document = openapi(app, { info, problemResponses: false })
    expect(document.paths['/a']!.get!.responses).toEqual({ 200: { description: 'Successful response' } })
    expect([document.paths['/a']!.get!.operationId, document.paths['/a/']!.get!.operationId]).toEqual([
      'getA',
      'getA2',
    ])
    expect(document.components).toEqual({ schemas: {} })
    await expectValidOpenApi(document)
  })

  it('rejects an operationId used twice', () => {
    const app = new OpenSpeed()
      .get('/a', doc({ operationId: 'same' }), (c) => c.text('a'))
      .get('/b', doc({ operationId: 'same' }), (c) => c.text('b'))
    expect(() => openapi(app, { info })).toThrow(
      expect.objectContaining({ code: 'OS_ERR_OPENAPI_DUPLICATE_OPERATION_ID' }),
    )
  })

  it('rejects two different schemas with the same id', () => {
    const app = new OpenSpeed()
      .post('/a', validate('json', z.object({ a: z.string() }).meta({ id: 'Same' })), (c) => c.text('a'))
      .post('/b', validate('json', z.object({ b: z.number() }).meta({ id: 'Same' })), (c) => c.text('b'))
      .post('/c', validate('json', z.object({ c: z.number() }).meta({ id: 'Same' })), (c) => c.text('c'))
    const error = (() => {
      try {
        openapi(app, { info })
      } catch (caught) {
        return caught
      }
    })()
    expect(OpenApiError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({
      code: 'OS_ERR_OPENAPI_COMPONENT_CONFLICT',
      message: expect.stringMatching(/"Same(Input)?"/),
    })
  })

  it('uses ~standard.jsonSchema, a custom converter, or fails clearly for unknown libraries', () => {
    const standard = (jsonSchema?: object) => ({
      '~standard': {
        version: 1 as const,
        vendor: 'other',
        validate: (value: unknown) => ({ value }),
        jsonSchema,
      },
    })
    const withInterface = standard({
      input: () => ({ type: 'object', properties: { x: { type: 'string' } } }),
    })
    const app = new OpenSpeed().post('/x', validate('json', withInterface), (c) => c.text('x'))
    expect(openapi(app, { info }).paths['/x']!.post!.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { type: 'object', properties: { x: { type: 'string' } } } } },
    })
    const opaque = standard()
    const other = new OpenSpeed().post('/y', validate('json', opaque), (c) => c.text('y'))
    expect(() => openapi(other, { info })).toThrow(
      expect.objectContaining({ code: 'OS_ERR_OPENAPI_UNSUPPORTED_SCHEMA' }),
    )
    const custom = openapi(other, {
      info,
      toJsonSchema: (schema) => (schema === opaque ? { type: 'string' } : undefined),
    })
    expect(custom.paths['/y']!.post!.requestBody).toMatchObject({
      content: { 'application/json': { schema: { type: 'string' } } },
    })
  })
})
