import { serve } from '@openspeed/adapters-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app.ts'
import { dune, jsonBody } from './books/_fixtures.ts'

describe('the app served by @openspeed/adapters-node', () => {
  let server: Awaited<ReturnType<typeof serve>>
  const url = (path: string): URL => new URL(path, server.url)

  beforeAll(async () => {
    server = await serve(createApp(), { port: 0 })
  })

  afterAll(async () => {
    await server?.close()
  })

  it('creates, reads and deletes a book over a real socket', async () => {
    const created = await fetch(url('/books'), jsonBody('POST', dune))
    expect(created.status).toBe(201)
    const book = (await created.json()) as { id: string }
    expect(created.headers.get('location')).toBe(`/books/${book.id}`)

    const read = await fetch(url(created.headers.get('location')!))
    expect(read.status).toBe(200)
    expect(await read.json()).toEqual({ id: book.id, ...dune })

    const removed = await fetch(url(`/books/${book.id}`), { method: 'DELETE' })
    expect(removed.status).toBe(204)
    expect(await removed.text()).toBe('')
  })

  it('answers bad input with problem+json over a real socket', async () => {
    const response = await fetch(url('/books'), { ...jsonBody('POST', null), body: '{oops' })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toMatchObject({ status: 400, code: 'OS_ERR_REQUEST_INVALID_JSON' })

    const wrongMethod = await fetch(url('/health'), { method: 'POST' })
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
  })
})
