import { describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { dune, hobbit, jsonBody, silmarillion } from './_fixtures.ts'
import type { Book, BookInput } from './schema.ts'
import { BookStore } from './store.ts'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

async function create(app: ReturnType<typeof createApp>, input: BookInput): Promise<Book> {
  const response = await app.request('/books', jsonBody('POST', input))
  expect(response.status).toBe(201)
  return (await response.json()) as Book
}

describe('books routes', () => {
  it('POST /books creates a book: 201, Location and the stored book', async () => {
    const app = createApp()
    const response = await app.request('/books', jsonBody('POST', dune))
    expect(response.status).toBe(201)
    const book = (await response.json()) as Book
    expect(book).toEqual({ id: expect.stringMatching(uuid), ...dune })
    expect(response.headers.get('location')).toBe(`/books/${book.id}`)
    expect(await (await app.request(`/books/${book.id}`)).json()).toEqual(book)
  })

  it('POST /books trims text fields', async () => {
    const book = await create(createApp(), { ...hobbit, title: '  The Hobbit  ' })
    expect(book.title).toBe('The Hobbit')
  })

  it('GET /books lists books with defaults and totals', async () => {
    const app = createApp(new BookStore([dune, hobbit]))
    const response = await app.request('/books')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { items: Book[]; total: number; limit: number; offset: number }
    expect(body).toMatchObject({ total: 2, limit: 20, offset: 0 })
    expect(body.items.map((book) => book.title)).toEqual(['Dune', 'The Hobbit'])
  })

  it('GET /books pages with limit and offset', async () => {
    const app = createApp(new BookStore([dune, hobbit, silmarillion]))
    const body = (await (await app.request('/books?limit=1&offset=1')).json()) as {
      items: Book[]
      total: number
    }
    expect(body).toMatchObject({ total: 3, limit: 1, offset: 1 })
    expect(body.items.map((book) => book.title)).toEqual(['The Hobbit'])
  })

  it('GET /books filters by author, case-insensitively and by substring', async () => {
    const app = createApp(new BookStore([dune, hobbit, silmarillion]))
    const body = (await (await app.request('/books?author=tolkien')).json()) as {
      items: Book[]
      total: number
    }
    expect(body.total).toBe(2)
    expect(body.items.map((book) => book.title)).toEqual(['The Hobbit', 'The Silmarillion'])
  })

  it('GET /books/:id returns one book', async () => {
    const app = createApp()
    const book = await create(app, dune)
    const response = await app.request(`/books/${book.id}`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(book)
  })

  it('PUT /books/:id replaces every field', async () => {
    const app = createApp()
    const book = await create(app, dune)
    const response = await app.request(`/books/${book.id}`, jsonBody('PUT', hobbit))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ id: book.id, ...hobbit })
  })

  it('PUT /books/:id may keep its own ISBN', async () => {
    const app = createApp()
    const book = await create(app, dune)
    const response = await app.request(
      `/books/${book.id}`,
      jsonBody('PUT', { ...dune, title: 'Dune (1965)' }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ...book, title: 'Dune (1965)' })
  })

  it('PATCH /books/:id changes only the given fields', async () => {
    const app = createApp()
    const book = await create(app, dune)
    const response = await app.request(`/books/${book.id}`, jsonBody('PATCH', { year: 1966 }))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ...book, year: 1966 })
    expect(await (await app.request(`/books/${book.id}`)).json()).toEqual({ ...book, year: 1966 })
  })

  it('PATCH /books/:id with a new ISBN frees the old one', async () => {
    const app = createApp()
    const book = await create(app, dune)
    const patched = await app.request(`/books/${book.id}`, jsonBody('PATCH', { isbn: '0441172717' }))
    expect(patched.status).toBe(200)
    await create(app, { ...dune, title: 'Dune, again' })
  })

  it('DELETE /books/:id answers 204 with no body, then the book is gone', async () => {
    const app = createApp()
    const book = await create(app, dune)
    const response = await app.request(`/books/${book.id}`, { method: 'DELETE' })
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
    expect((await app.request(`/books/${book.id}`)).status).toBe(404)
    await create(app, dune)
  })
})
