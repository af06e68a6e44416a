import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import type { FastResponse } from './fast-response.ts'
import { OpenSpeed } from './open-speed.ts'
import {
  describe as describeRoute,
  getDescription,
  getValidation,
  type RouteDescription,
  type ValidationInfo,
} from './route-meta.ts'
import type { Endpoint, PathParams } from './types.ts'
import { validate } from './validate.ts'

describe('path parameter types', () => {
  it('infers names from the path string', () => {
    expectTypeOf<PathParams<'/users/:id/posts/:postId'>>().toEqualTypeOf<{ id: string; postId: string }>()
    expectTypeOf<PathParams<'/posts/:slug?'>>().toEqualTypeOf<{ slug?: string }>()
    expectTypeOf<PathParams<'/items/:id{[0-9]+}/*'>>().toEqualTypeOf<{ id: string; '*': string }>()
    expectTypeOf<PathParams<'/docs/*path'>>().toEqualTypeOf<{ path: string }>()
    expectTypeOf<PathParams<string>>().toEqualTypeOf<Record<string, string>>()
  })

  it('types c.req.param() in handlers', () => {
    new OpenSpeed().get('/users/:id', (c) => {
      expectTypeOf(c.req.param('id')).toEqualTypeOf<string>()
      // @ts-expect-error: no such parameter
      c.req.param('nope')
      return c.text('x')
    })
  })
})

describe('validated input and output types', () => {
  const app = new OpenSpeed()
    .post(
      '/books/:id',
      validate('json', z.object({ title: z.string() })),
      validate('query', z.object({ draft: z.coerce.boolean() })),
      (c) => {
        expectTypeOf(c.req.valid('json')).toEqualTypeOf<{ title: string }>()
        expectTypeOf(c.req.valid('query')).toEqualTypeOf<{ draft: boolean }>()
        return c.json({ id: c.req.param('id'), title: c.req.valid('json').title })
      },
    )
    .get('/plain', () => ({ n: 1 }))

  it('records inputs and JSON outputs in the app type', () => {
    type Routes = typeof app extends OpenSpeed<any, infer S> ? S : never
    type Post = Routes['/books/:id']['post']
    expectTypeOf<Post>().toExtend<Endpoint<any, { id: string; title: string }>>()
    expectTypeOf<Post['input']['json']>().toEqualTypeOf<{ title: string }>()
    expectTypeOf<Post['input']['query']>().toEqualTypeOf<{ draft: boolean }>()
    // what a client sends: the schemas' input types (z.coerce takes anything)
    expectTypeOf<NonNullable<Post['input']['~input']>['query']>().toEqualTypeOf<{ draft: unknown }>()
    expectTypeOf<Routes['/plain']['get']['output']>().toEqualTypeOf<{ n: number }>()
  })

  it('keeps mounted routes under their prefix', () => {
    const root = new OpenSpeed().route('/api', app)
    type Routes = typeof root extends OpenSpeed<any, infer S> ? S : never
    expectTypeOf<keyof Routes>().toEqualTypeOf<'/api/books/:id' | '/api/plain'>()
  })

  it('types c.json() as a FastResponse carrying the data', () => {
    new OpenSpeed().get('/', (c) => {
      expectTypeOf(c.json({ a: 1 })).toEqualTypeOf<FastResponse<{ a: number }>>()
      return c.json({ a: 1 })
    })
  })
})

describe('typed variables and bindings', () => {
  it('types c.get/c.set and c.env', () => {
    new OpenSpeed<{ Variables: { user: { id: string } }; Bindings: { TOKEN: string } }>().get('/', (c) => {
      c.set('user', { id: '1' })
      expectTypeOf(c.get('user')).toEqualTypeOf<{ id: string }>()
      expectTypeOf(c.env.TOKEN).toEqualTypeOf<string>()
      // @ts-expect-error: wrong variable type
      c.set('user', 42)
      return c.text('x')
    })
  })
})

describe('route metadata types', () => {
  it('keeps validated inputs typed with describe() and validate() options in the chain', () => {
    new OpenSpeed().post(
      '/items',
      describeRoute({ summary: 'Create', responses: { 201: z.object({ id: z.string() }) } }),
      validate('json', z.object({ name: z.string() }), { onError: (failure) => void failure.issues }),
      (c) => {
        expectTypeOf(c.req.valid('json')).toEqualTypeOf<{ name: string }>()
        return c.json({ id: '1' }, 201)
      },
    )
  })

  it('reads metadata back with typed accessors', () => {
    expectTypeOf(getValidation).returns.toEqualTypeOf<ValidationInfo | undefined>()
    expectTypeOf(getDescription).returns.toEqualTypeOf<RouteDescription | undefined>()
  })
})
