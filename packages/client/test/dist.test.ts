import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { OpenSpeed } from '@openspeed/core'
import { expect, it } from 'vitest'
import type * as Source from '../src/index.ts'
import type * as OpenApiSource from '../src/openapi/index.ts'

const dist = (path: string): string => fileURLToPath(new URL(`../dist/${path}`, import.meta.url))

function mustExist(path: string): string {
  if (!existsSync(path))
    throw new Error(`${path} is missing: run \`pnpm --filter @openspeed/client build\` first`)
  return path
}

it('calls an app through the built dist/', async () => {
  const client = (await import(mustExist(dist('index.js')))) as typeof Source
  expect(Object.keys(client).sort()).toEqual(['ClientError', 'clientErrorCodes', 'createClient'])
  const app = new OpenSpeed().get('/users/:id', (c) => c.json({ id: c.req.param('id') }))
  const api = client.createClient<typeof app>('http://localhost', { fetch: app.fetch })
  expect(await api.get('/users/:id', { params: { id: 'a/b' } })).toMatchObject({
    ok: true,
    data: { id: 'a/b' },
  })
  await expect(api.get('/users/:id', { params: {} as never })).rejects.toSatisfy((error) =>
    client.ClientError.isInstance(error),
  )
})

it('ships the OpenAPI generator, the contract emitter and an executable bin', async () => {
  const openapi = (await import(mustExist(dist('openapi/index.js')))) as typeof OpenApiSource
  expect(openapi.generateClientTypes({ openapi: '3.1.0' })).toContain('export type Paths = {')
  expect(existsSync(mustExist(dist('contract/index.js')))).toBe(true)
  expect(readFileSync(mustExist(dist('contract/cli.js')), 'utf8').startsWith('#!/usr/bin/env node')).toBe(
    true,
  )
})
