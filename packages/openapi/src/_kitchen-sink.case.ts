import { describe, OpenSpeed, validate } from '@openspeed/core'
import { toStandardJsonSchema } from '@valibot/to-json-schema'
import * as v from 'valibot'
import { z } from 'zod'
import { component } from './component.ts'
import { jsonSchema } from './json-schema.ts'

const Author = z.object({ name: z.string().min(1).describe('Full name') }).meta({ id: 'Author' })
const Book = z
  .strictObject({
    title: z.string().min(1),
    author: Author,
    tags: z.array(z.string()).max(5).default([]),
  })
  .meta({ id: 'Book' })
const Note = component('Note', toStandardJsonSchema(v.object({ text: v.pipe(v.string(), v.minLength(1)) })))
const Tag = component(
  'Tag',
  jsonSchema<{ label: string }>({
    type: 'object',
    properties: { label: { type: 'string', minLength: 1 } },
    required: ['label'],
    additionalProperties: false,
  }),
)

/** An app using every documented feature, in every schema style. */
export function createKitchenSink(): OpenSpeed<any, any> {
  const admin = new OpenSpeed()
    .use(describe({ tags: ['admin'], security: [{ bearerAuth: [] }] }))
    .delete('/books/:id', validate('params', z.object({ id: z.uuid() })), (c) => c.body(null, 204))
  return new OpenSpeed()
    .get('/', describe({ hide: true }), (c) => c.text('home'))
    .get(
      '/books',
      describe({ summary: 'List books', tags: ['books'], security: [], responses: { 200: z.array(Book) } }),
      validate(
        'query',
        z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size'),
          tag: z.array(z.string()).optional(),
        }),
      ),
      validate('headers', z.object({ 'x-trace': z.string().optional() })),
      validate('cookie', z.object({ session: z.string() })),
      (c) => c.json([]),
    )
    .post(
      '/books',
      describe({
        summary: 'Create a book',
        tags: ['books'],
        operationId: 'createBook',
        responses: {
          201: {
            description: 'Created',
            schema: Book,
            headers: { location: { description: 'Where it lives', required: true } },
          },
          409: { description: 'A book with that title exists' },
        },
      }),
      validate('json', Book),
      (c) => c.json(c.req.valid('json'), 201),
    )
    .get(
      '/books/:id{[0-9]+}',
      describe({ deprecated: true, responses: { 200: Book, 404: { description: 'No such book' } } }),
      (c) => c.json({ id: c.req.param('id') }),
    )
    .post(
      '/notes',
      describe({
        tags: ['notes'],
        responses: { 201: Note, 422: toStandardJsonSchema(v.object({ reason: v.string() })) },
      }),
      validate('json', Note),
      (c) => c.json(c.req.valid('json'), 201),
    )
    .put('/tags/:label', validate('json', Tag), (c) => c.json(c.req.valid('json')))
    .post('/upload', validate('form', z.object({ file: z.file(), caption: z.string().optional() })), (c) =>
      c.text('ok'),
    )
    .get('/posts/:slug?', (c) => c.text(c.req.param('slug') ?? 'all'))
    .get('/files/*path', (c) => c.text(c.req.param('path')))
    .get('/static/*', (c) => c.text('static'))
    .all(
      '/ping',
      describe({ summary: 'Ping with any method', responses: { default: { description: 'Pong' } } }),
      (c) => c.text('pong'),
    )
    .get('/ping', describe({ summary: 'Ping' }), (c) => c.text('pong'))
    .route('/admin', admin)
}
