import { expect, describe as group, it } from 'vitest'
import { z } from 'zod'
import { OpenSpeed } from './open-speed.ts'
import { describe, getDescription, getValidation, withDescription } from './route-meta.ts'
import type { MiddlewareHandler } from './types.ts'
import { validate } from './validate.ts'

group('route metadata', () => {
  const params = z.object({ id: z.string() })
  const body = z.object({ title: z.string() })
  const docs = describe({ summary: 'Replace a book', tags: ['books'], responses: { 200: body } })
  const app = new OpenSpeed()
    .use(describe({ tags: ['all'] }))
    .put('/books/:id', docs, validate('params', params), validate('json', body), (c) =>
      c.json({ id: c.req.valid('params').id, ...c.req.valid('json') }),
    )

  it('reads validate() targets and schemas from a route, in chain order', () => {
    const [route] = app.routes()
    expect(route!.handlers.map(getValidation)).toEqual([
      undefined,
      undefined,
      { target: 'params', schema: params },
      { target: 'json', schema: body },
      undefined,
    ])
  })

  it('reads describe() documentation from a route', () => {
    const [route] = app.routes()
    expect(route!.handlers.map(getDescription).filter(Boolean)).toEqual([
      { tags: ['all'] },
      { summary: 'Replace a book', tags: ['books'], responses: { 200: body } },
    ])
    expect(getDescription(docs)).not.toBe(getDescription(describe({ summary: 'Replace a book' })))
    expect(Object.isFrozen(getDescription(docs))).toBe(true)
  })

  it('answers undefined for anything else', () => {
    expect(getValidation(() => {})).toBeUndefined()
    expect(getDescription(() => {})).toBeUndefined()
    expect(getValidation('validate')).toBeUndefined()
    expect(getDescription(null)).toBeUndefined()
  })

  it('describe() changes nothing about the request', async () => {
    const response = await app.request('/books/7', {
      method: 'PUT',
      body: '{"title":"Dune"}',
      headers: { 'content-type': 'application/json' },
    })
    expect([response.status, await response.json()]).toEqual([200, { id: '7', title: 'Dune' }])
  })

  it('recognises third-party validators and handlers that carry the Symbol.for keys', () => {
    const handler = Object.defineProperty(() => 'x', Symbol.for('openspeed.description'), {
      value: { hide: true },
    })
    const custom = Object.defineProperty(() => {}, Symbol.for('openspeed.validation'), {
      value: { target: 'query', schema: params },
    })
    expect(getDescription(handler)).toEqual({ hide: true })
    expect(getValidation(custom)).toEqual({ target: 'query', schema: params })
  })
})

group('withDescription()', () => {
  it('documents a working middleware that still runs for every request', async () => {
    const guard = withDescription<MiddlewareHandler>(
      (c, next) => (c.req.header('x-key') === 'k' ? next() : c.json({ title: 'Payment Required' }, 402)),
      { responses: { 402: { description: 'Needs a key' } } },
    )
    const app = new OpenSpeed().use(guard).get('/', (c) => c.text('ok'))
    expect(app.routes()[0]!.handlers.map(getDescription)[0]).toEqual({
      responses: { 402: { description: 'Needs a key' } },
    })
    expect((await app.request('/')).status).toBe(402)
    expect((await app.request('/', { headers: { 'x-key': 'k' } })).status).toBe(200)
  })
})
