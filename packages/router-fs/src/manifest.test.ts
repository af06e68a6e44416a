import { OpenSpeed } from '@openspeed/core'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { FileRouteError } from './errors.ts'
import { applyRouteManifest } from './manifest.ts'

describe('applyRouteManifest()', () => {
  it('registers the routes of a manifest synchronously, with any Standard Schema for params', async () => {
    const app = new OpenSpeed()
    const routes = applyRouteManifest(
      app,
      {
        'items/[id].mjs': {
          params: v.object({ id: v.pipe(v.string(), v.regex(/^\d+$/)) }),
          GET: (c: { req: { valid(target: 'params'): unknown } }) => c.req.valid('params'),
        },
        'items/index.js': { default: () => 'any method' },
      },
      { prefix: '/v1' },
    )
    expect(routes).toEqual([
      { method: 'ALL', path: '/v1/items', file: 'items/index.js' },
      { method: 'GET', path: '/v1/items/:id', file: 'items/[id].mjs' },
    ])
    expect(await (await app.request('/v1/items/7')).json()).toEqual({ id: '7' })
    const bad = await app.request('/v1/items/x')
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors[0]).toMatchObject({ where: 'params', path: '/id' })
    expect(await (await app.request('/v1/items', { method: 'PATCH' })).text()).toBe('any method')
  })

  it('attaches meta and response schemas for documentation, per method', () => {
    const app = new OpenSpeed()
    const ok = v.object({ ok: v.boolean() })
    applyRouteManifest(app, {
      'a.ts': {
        meta: { tags: ['a'], POST: { summary: 'Create' } },
        schema: { POST: { response: { 201: ok } } },
        GET: () => 'a',
        POST: () => 'b',
      },
    })
    const describeOf = (method: string) =>
      app
        .routes()
        .find((route) => route.method === method)!
        .handlers.map(
          (handler) => (handler as unknown as Record<symbol, unknown>)[Symbol.for('openspeed.description')],
        )
        .filter(Boolean)
    expect(describeOf('GET')).toEqual([{ tags: ['a'] }])
    expect(describeOf('POST')).toEqual([{ tags: ['a'], summary: 'Create', responses: { 201: ok } }])
  })

  it('names a manifest entry that is not a module and one that is missing', () => {
    const error = (() => {
      try {
        applyRouteManifest(new OpenSpeed(), {
          '_middleware.ts': undefined as never,
          'a.ts': { GET: () => 'a' },
        })
      } catch (caught) {
        return caught as FileRouteError
      }
    })()
    expect(FileRouteError.isInstance(error)).toBe(true)
    expect(error!.message).toBe('_middleware.ts: missing from the manifest')
  })
})
