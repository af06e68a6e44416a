import { readFileSync } from 'node:fs'
import { serve } from '@openspeed/adapters-node'
import { HttpError, OpenSpeed } from '@openspeed/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientEntry, typecheck } from '../../test/_compile.ts'
import type { Paths } from '../../test/fixtures/petstore.d.ts'
import { createClient } from '../client.ts'
import { generateClientTypes, type OpenApiDocument } from './generate.ts'

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8')
const document = JSON.parse(fixture('petstore.openapi.json')) as OpenApiDocument

describe('generateClientTypes', () => {
  it('generates the committed petstore contract (refs, oneOf, allOf, enums, nullable, arrays, params)', () => {
    expect(generateClientTypes(document)).toBe(fixture('petstore.d.ts'))
  })

  it('produces a contract the client type-checks against, rejecting wrong calls', () => {
    const consumer = `
import { createClient } from '${clientEntry}'
import type { Paths, Schemas } from './petstore.d.ts'
const api = createClient<Paths>('https://petstore.example.com/v1')
export async function run(): Promise<void> {
  const page = await api.get('/pets', { query: { limit: 10, status: ['available', 'sold'] }, headers: { 'X-Request-Id': 'x' } })
  if (page.ok) { const items: Schemas['Pet'][] = page.data.items; void items }
  const created = await api.post('/pets', { json: { name: 'Tom', species: { kind: 'cat', indoor: true }, location: [1, 2] } })
  if (created.status === 201) { const id: number = created.data.id; void id }
  if (created.status === 409) { const message: string = created.problem.message; void message }
  if (created.status === 400) { const title: string = created.problem.title; void title }
  const pet = await api.get('/pets/{petId}', { params: { petId: 1 } })
  if (pet.ok && pet.data.species.kind === 'dog') { const breed: string | null | undefined = pet.data.species.breed; void breed }
  await api.delete('/pets/{petId}', { params: { petId: 1 }, cookie: { session: 's' } })
  const photo = await api.put('/pets/{petId}/photo', { params: { petId: 1 }, form: { file: new Blob(['x']), caption: null } })
  if (photo.ok) { const text: string = photo.data; void text }
  // @ts-expect-error: species must be a cat or a dog
  await api.post('/pets', { json: { name: 'Rex', species: { kind: 'cow' } } })
  // @ts-expect-error: status values are an enum
  await api.get('/pets', { query: { status: ['lost'] } })
  // @ts-expect-error: petId is required
  await api.get('/pets/{petId}', { params: {} })
  // @ts-expect-error: no PATCH on pets
  await api.patch('/pets/{petId}', { params: { petId: 1 } })
  // @ts-expect-error: the file is required
  await api.put('/pets/{petId}/photo', { params: { petId: 1 }, form: { caption: 'x' } })
}
`
    expect(typecheck({ 'petstore.d.ts': fixture('petstore.d.ts'), 'consumer.ts': consumer })).toEqual([])
  }, 120_000)

  it('rejects what is not an OpenAPI 3 document and unresolved references', () => {
    expect(() => generateClientTypes({ swagger: '2.0' } as never)).toThrow(
      /Expected an OpenAPI 3\.x document/,
    )
    const broken = {
      openapi: '3.1.0',
      paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/Nope' }] } } },
    }
    expect(() => generateClientTypes(broken as never)).toThrow(
      'Unresolved reference "#/components/parameters/Nope"',
    )
    const remote = { openapi: '3.1.0', paths: { '/a': { get: { requestBody: { $ref: 'other.json#/x' } } } } }
    expect(() => generateClientTypes(remote as never)).toThrow(
      'Only local references are supported, not "other.json#/x"',
    )
  })

  it('keeps properties written beside oneOf, anyOf and allOf, and narrows past default and 4XX', () => {
    const composed = {
      openapi: '3.1.0',
      paths: {
        '/labels': {
          post: {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { name: { type: 'string' } },
                    required: ['name'],
                    oneOf: [
                      { required: ['color'], properties: { color: { type: 'string' } } },
                      { $ref: '#/components/schemas/Icon' },
                    ],
                    allOf: [{ properties: { weight: { type: 'integer' } } }],
                  },
                },
              },
            },
            responses: {
              200: {
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
                  },
                },
              },
              '4XX': {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: { reason: { type: 'string' } },
                      required: ['reason'],
                    },
                  },
                },
              },
              default: {
                content: {
                  'application/problem+json': {
                    schema: { type: 'object', properties: { title: { type: 'string' } } },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: { Icon: { type: 'object', properties: { icon: { type: 'string' } }, required: ['icon'] } },
      },
    }
    const code = generateClientTypes(composed)
    expect(code).not.toContain('json: unknown')
    const consumer = `
import { createClient } from '${clientEntry}'
import type { Paths } from './labels.d.ts'
const api = createClient<Paths>('https://labels.example.com')
export async function run(): Promise<void> {
  const made = await api.post('/labels', { json: { name: 'bug', color: 'red', weight: 1 } })
  if (made.status === 200) { const id: number = made.data.id; void id }
  if (made.status === 422) { const reason: string = made.problem.reason; void reason }
  if (made.status === 503) { const title: string | undefined = made.problem.title; void title }
  await api.post('/labels', { json: { name: 'bug', icon: 'x' } })
  // @ts-expect-error: name, written beside oneOf, is required
  await api.post('/labels', { json: { color: 'red' } })
  // @ts-expect-error: one of color or icon is required
  await api.post('/labels', { json: { name: 'bug' } })
}
`
    expect(typecheck({ 'labels.d.ts': code, 'consumer.ts': consumer })).toEqual([])
  }, 120_000)

  it('handles a document without paths or schemas, and custom names', () => {
    const code = generateClientTypes({ openapi: '3.0.3' }, { typeName: 'Api' })
    expect(code).toContain('export type Api = {\n}')
    expect(code).toContain('export type Schemas = {}')
  })
})

describe('a generated contract against a real server', () => {
  type Pet = { id: number; name: string; species: { kind: 'cat'; indoor: boolean }; status: 'available' }
  const pets = new Map<number, Pet>()
  const app = new OpenSpeed()
    .post('/v1/pets', async (c) => {
      const input = (await c.req.json()) as Omit<Pet, 'id' | 'status'>
      const pet: Pet = { ...input, id: pets.size + 1, status: 'available' }
      pets.set(pet.id, pet)
      return c.json(pet, 201)
    })
    .get('/v1/pets/:petId', (c) => {
      const pet = pets.get(Number(c.req.param('petId')))
      if (pet === undefined) throw new HttpError(404, { detail: 'No such pet' })
      return c.json(pet)
    })
  let server: Awaited<ReturnType<typeof serve>>
  beforeAll(async () => {
    server = await serve(app, { port: 0, hostname: '127.0.0.1', gracefulShutdown: false })
  })
  afterAll(async () => {
    await server?.close()
  })

  it('fills {param} paths and types each status', async () => {
    const api = createClient<Paths>(`${server.url}/v1`)
    const created = await api.post('/pets', { json: { name: 'Tom', species: { kind: 'cat', indoor: true } } })
    expect(created).toMatchObject({ ok: true, status: 201, data: { id: 1, name: 'Tom' } })
    const pet = await api.get('/pets/{petId}', { params: { petId: 1 } })
    expect(pet.ok && pet.data.species).toEqual({ kind: 'cat', indoor: true })
    const missing = await api.get('/pets/{petId}', { params: { petId: 99 } })
    expect(missing.status === 404 && missing.problem).toMatchObject({ status: 404, detail: 'No such pet' })
  })
})
