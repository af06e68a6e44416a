import { serve } from '@openspeed/adapters-node'
import { createClient } from '@openspeed/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type App, createApp } from './app.ts'
import { dune } from './books/_fixtures.ts'

describe('a typed client for the books API', () => {
  let server: Awaited<ReturnType<typeof serve>>

  beforeAll(async () => {
    server = await serve(createApp(), { port: 0, hostname: '127.0.0.1' })
  })

  afterAll(async () => {
    await server?.close()
  })

  it('creates, reads and lists books with typed bodies and results', async () => {
    const api = createClient<App>(server.url)
    const created = await api.post('/books', { json: dune })
    if (!created.ok) throw new Error(`expected 201, got ${created.status}: ${created.problem.detail}`)
    expect(created.status).toBe(201)
    const id: string = created.data.id

    const read = await api.get('/books/:id', { params: { id } })
    expect(read.ok && read.data).toEqual({ id, ...dune })
    const list = await api.get('/books', { query: { author: 'Frank Herbert', limit: 5 } })
    expect(list.ok && list.data.items.map((book) => book.title)).toEqual(['Dune'])
  })

  it('rejects a wrong body at compile time and answers a bad one with a typed problem', async () => {
    const api = createClient<App>(server.url)
    // @ts-expect-error: `title` must be a string
    const invalid = await api.post('/books', { json: { ...dune, title: 42 } })
    expect(invalid.ok).toBe(false)
    if (!invalid.ok) {
      expect(invalid.status).toBe(400)
      expect(invalid.problem.code).toBe('OS_ERR_VALIDATION_FAILED')
      expect(invalid.problem.errors?.map((error) => error.path)).toEqual(['/title'])
    }
    const missing = await api.get('/books/:id', { params: { id: '00000000-0000-4000-8000-000000000000' } })
    expect(!missing.ok && missing.problem.code).toBe('BOOKS_NOT_FOUND')
  })
})
