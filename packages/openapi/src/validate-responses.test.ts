import { describe as doc, OpenSpeed } from '@openspeed/core'
import * as v from 'valibot'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { jsonSchema } from './json-schema.ts'
import { validateResponses } from './validate-responses.ts'

function createApp(options?: Parameters<typeof validateResponses>[1]) {
  const log = vi.fn()
  const app = new OpenSpeed()
  app
    .use(validateResponses(app, { log, ...options }))
    .get('/good', doc({ responses: { 200: z.object({ id: z.number() }) } }), (c) => c.json({ id: 1 }))
    .get('/bad', doc({ responses: { 200: z.object({ id: z.number() }) } }), (c) => c.json({ id: 'one' }))
    .get('/web', doc({ responses: { 200: { schema: v.object({ n: v.number() }) } } }), () =>
      Response.json({ n: 'x' }),
    )
    .get('/text', doc({ responses: { 200: z.object({}) } }), (c) => c.text('plain'))
    .get('/undocumented', (c) => c.json({ anything: true }))
    .get('/other-status', doc({ responses: { 200: z.object({ id: z.number() }) } }), (c) =>
      c.json({ no: 1 }, 201),
    )
    .all('/any', doc({ responses: { default: { schema: jsonSchema({ type: 'array' }) } } }), (c) =>
      c.json({}),
    )
  return { app, log }
}

describe('validateResponses()', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('lets matching, undocumented and non-JSON responses through untouched', async () => {
    const { app, log } = createApp()
    expect(await (await app.request('/good')).json()).toEqual({ id: 1 })
    expect(await (await app.request('/undocumented')).json()).toEqual({ anything: true })
    expect(await (await app.request('/text')).text()).toBe('plain')
    expect((await app.request('/other-status')).status).toBe(201)
    expect((await app.request('/missing')).status).toBe(404)
    expect(log).not.toHaveBeenCalled()
  })

  it('replaces a mismatching body with a 500 problem listing each issue, and logs it', async () => {
    const { app, log } = createApp()
    const response = await app.request('/bad')
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const errors = [{ where: 'response', path: '/id', message: expect.stringMatching(/expected number/) }]
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      code: 'OS_ERR_OPENAPI_RESPONSE_INVALID',
      detail: 'The 200 response does not match its documented schema',
      instance: '/bad',
      errors,
    })
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^GET \/bad answered 200/), {
      method: 'GET',
      path: '/bad',
      status: 200,
      errors,
    })
  })

  it('checks Web Responses, HEAD requests and any-method routes with a default response', async () => {
    const { app } = createApp()
    expect((await app.request('/web')).status).toBe(500)
    expect((await app.request('/bad', { method: 'HEAD' })).status).toBe(500)
    const any = await app.request('/any', { method: 'PATCH' })
    expect([any.status, (await any.json()).errors]).toEqual([
      500,
      [{ where: 'response', path: '', message: 'must be array' }],
    ])
  })

  it('is off in production unless enabled, and logs to console.error by default', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    expect((await createApp({ log: undefined }).app.request('/bad')).status).toBe(200)
    expect((await createApp({ enabled: true }).app.request('/bad')).status).toBe(500)
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.stubEnv('NODE_ENV', 'development')
    const app = new OpenSpeed()
    app.use(validateResponses(app)).get('/', doc({ responses: { 200: z.string() } }), (c) => c.json(1))
    expect((await app.request('/')).status).toBe(500)
    expect(error).toHaveBeenCalledWith(
      '[openspeed] GET / answered 200 with a body that does not match its schema',
      expect.anything(),
    )
    error.mockRestore()
  })
})

describe('validateResponses() middleware name', () => {
  it('is named whether it checks or not, so route listings show it', () => {
    const app = new OpenSpeed()
    expect(validateResponses(app, { enabled: true }).name).toBe('validateResponsesMiddleware')
    expect(validateResponses(app, { enabled: false }).name).toBe('validateResponsesMiddleware')
  })
})
