import {
  describe as doc,
  type MiddlewareHandler,
  OpenSpeed,
  validate,
  withDescription,
} from '@openspeed/core'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { expectValidOpenApi } from '../test/_helpers.ts'
import { openapi } from './openapi.ts'

const info = {
  title: 'Quotas',
  version: '1',
  contact: { name: 'Team', url: 'https://example.com', email: 'team@example.com' },
  license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
}

// a middleware that can answer on its own, the way rateLimit() documents its 429
const quota = withDescription<MiddlewareHandler>((_c, next) => next(), {
  responses: { 429: { description: 'Over the quota', headers: { 'retry-after': { required: true } } } },
})

describe('answers recorded on middleware', () => {
  const app = new OpenSpeed()
    .use(quota)
    .get('/a', (c) => c.text('a'))
    .get('/b', doc({ responses: { 429: { description: 'Slow down, b' } } }), (c) => c.text('b'))

  it('are documented on every route the middleware covers; a describe() wins for its status', async () => {
    const document = openapi(app, { info, servers: [{ url: 'https://quotas.example.com' }] })
    expect(document.paths['/a']!.get!.responses).toMatchObject({
      429: {
        description: 'Over the quota',
        headers: { 'retry-after': { required: true, schema: { type: 'string' } } },
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    })
    expect(document.paths['/b']!.get!.responses).toMatchObject({ 429: { description: 'Slow down, b' } })
    expect(document.info.contact?.email).toBe('team@example.com')
    expect(document.servers).toEqual([{ url: 'https://quotas.example.com' }])
    await expectValidOpenApi(document)
  })
})

describe('a schema without ~standard.jsonSchema', () => {
  it('fails with a code and says how to wrap a bare valibot schema', () => {
    const app = new OpenSpeed().post('/x', validate('json', v.object({ n: v.number() })), (c) => c.text('x'))
    expect(() => openapi(app, { info })).toThrow(
      expect.objectContaining({
        code: 'OS_ERR_OPENAPI_UNSUPPORTED_SCHEMA',
        message: expect.stringContaining('toStandardJsonSchema() from @valibot/to-json-schema'),
      }),
    )
  })
})
