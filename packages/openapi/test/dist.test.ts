import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, OpenSpeed, validate } from '@openspeed/core'
import { expect, it } from 'vitest'
import { z } from 'zod'
import type * as Docs from '../src/docs.ts'
import type * as Source from '../src/index.ts'
import type * as JsonSchemaSource from '../src/json-schema.ts'
import { expectValidOpenApi } from './_helpers.ts'

const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const docsEntry = fileURLToPath(new URL('../dist/docs.js', import.meta.url))
const jsonSchemaEntry = fileURLToPath(new URL('../dist/json-schema.js', import.meta.url))

it('documents, validates and serves docs from the built dist/', async () => {
  if (![distEntry, docsEntry, jsonSchemaEntry].every((entry) => existsSync(entry))) {
    throw new Error(`${distEntry} is missing: run \`pnpm --filter @openspeed/openapi build\` first`)
  }
  const dist = (await import(distEntry)) as typeof Source
  const { docs } = (await import(docsEntry)) as typeof Docs
  const { jsonSchema } = (await import(jsonSchemaEntry)) as typeof JsonSchemaSource
  const tag = dist.component(
    'Tag',
    jsonSchema<{ label: string }>({
      type: 'object',
      properties: { label: { type: 'string' } },
      required: ['label'],
    }),
  )
  const app = new OpenSpeed()
  app
    .get('/openapi.json', dist.openapiHandler(app, { info: { title: 'Dist', version: '1' } }))
    .get('/docs', docs())
    .post('/tags', describe({ responses: { 201: tag } }), validate('json', tag), (c) =>
      c.json(c.req.valid('json'), 201),
    )
    .get('/items/:id', validate('params', z.object({ id: z.uuid() })), (c) =>
      c.json({ id: c.req.param('id') }),
    )
  const document = await (await app.request('/openapi.json')).json()
  expect(Object.keys(document.paths)).toEqual(['/tags', '/items/{id}'])
  expect(document.components.schemas.Tag).toBeDefined()
  await expectValidOpenApi(document)
  const bad = await app.request('/tags', {
    method: 'POST',
    body: '{}',
    headers: { 'content-type': 'application/json' },
  })
  expect(await bad.json()).toMatchObject({
    status: 400,
    errors: [{ where: 'json', path: '/label', message: 'Required' }],
  })
  expect((await app.request('/docs')).headers.get('content-security-policy')).toMatch(/default-src 'none'/)
})
