import { describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { dune, hobbit, jsonBody, unknownId } from './_fixtures.ts'
import type { Book } from './schema.ts'
import { BookStore } from './store.ts'

async function problem(response: Response, status: number): Promise<unknown> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  return response.json()
}

function seeded(): { app: ReturnType<typeof createApp>; book: Book; other: Book } {
  const store = new BookStore()
  const book = store.create(dune)
  const other = store.create(hobbit)
  return { app: createApp(store), book, other }
}

const badRequest = { type: 'about:blank', title: 'Bad Request', status: 400 }

describe('books routes: bad input', () => {
  it('answers invalid JSON with 400', async () => {
    const response = await createApp().request('/books', { ...jsonBody('POST', null), body: '{"title":' })
    expect(await problem(response, 400)).toEqual({
      ...badRequest,
      detail: 'The request body is not valid JSON',
      instance: '/books',
      code: 'OS_ERR_REQUEST_INVALID_JSON',
    })
  })

  it.each([
    ['text/plain', 'Expected a JSON body but the content type is "text/plain"'],
    [undefined, 'Expected a JSON body but the content type is missing'],
  ])('answers content type %s with 415', async (contentType, detail) => {
    const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType }
    const body = new TextEncoder().encode(JSON.stringify(dune))
    const response = await createApp().request('/books', { method: 'POST', headers, body })
    expect(await problem(response, 415)).toEqual({
      type: 'about:blank',
      title: 'Unsupported Media Type',
      status: 415,
      detail,
      instance: '/books',
      code: 'OS_ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE',
    })
  })

  it('answers a body that fails validation with 400 and one error per issue', async () => {
    const body = { title: '', isbn: '978-0441172719', year: 1965.5, extra: true }
    const response = await createApp().request('/books', jsonBody('POST', body))
    const errors = [
      { where: 'json', path: '/title', message: 'Too small: expected string to have >=1 characters' },
      { where: 'json', path: '/author', message: 'Invalid input: expected string, received undefined' },
      { where: 'json', path: '/isbn', message: 'Expected an ISBN-10 or ISBN-13 without hyphens' },
      { where: 'json', path: '/year', message: 'Invalid input: expected int, received number' },
      { where: 'json', path: '/extra', message: 'Unrecognized key: "extra"' },
    ]
    expect(await problem(response, 400)).toEqual({
      ...badRequest,
      detail: `Invalid json: ${errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}`,
      instance: '/books',
      code: 'OS_ERR_VALIDATION_FAILED',
      errors,
    })
  })

  it('validates PUT and PATCH bodies too', async () => {
    const { app, book } = seeded()
    const put = await problem(await app.request(`/books/${book.id}`, jsonBody('PUT', { title: 'Dune' })), 400)
    expect(put).toMatchObject({
      code: 'OS_ERR_VALIDATION_FAILED',
      errors: [{ where: 'json', path: '/author' }, { path: '/isbn' }],
    })
    const patch = await problem(await app.request(`/books/${book.id}`, jsonBody('PATCH', { year: 'x' })), 400)
    expect(patch).toMatchObject({
      errors: [{ where: 'json', path: '/year', message: 'Invalid input: expected number, received string' }],
    })
  })

  it.each([
    ['limit=0&offset=-1', ['/limit', '/offset']],
    ['limit=abc', ['/limit']],
    ['limit=101', ['/limit']],
    ['limit=1&limit=2', ['/limit']],
    ['author=', ['/author']],
  ])('answers the query %s with 400 naming %j', async (query, paths) => {
    const body = (await problem(await createApp().request(`/books?${query}`), 400)) as {
      code: string
      errors: { where: string; path: string }[]
    }
    expect(body.code).toBe('OS_ERR_VALIDATION_FAILED')
    expect(body.errors.map((error) => [error.where, error.path])).toEqual(
      paths.map((path) => ['query', path]),
    )
  })

  it('answers a malformed id with 400 naming the params path', async () => {
    const response = await createApp().request('/books/not-a-uuid')
    expect(await problem(response, 400)).toEqual({
      ...badRequest,
      detail: 'Invalid params: /id: Invalid UUID',
      instance: '/books/not-a-uuid',
      code: 'OS_ERR_VALIDATION_FAILED',
      errors: [{ where: 'params', path: '/id', message: 'Invalid UUID' }],
    })
  })

  it.each([
    ['GET', undefined],
    ['PUT', dune],
    ['PATCH', { year: 2000 }],
    ['DELETE', undefined],
  ])('answers %s of an unknown id with 404', async (method, body) => {
    const init = body === undefined ? { method } : jsonBody(method, body)
    const response = await createApp().request(`/books/${unknownId}`, init)
    expect(await problem(response, 404)).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: `No book with id ${unknownId}`,
      instance: `/books/${unknownId}`,
      code: 'BOOKS_NOT_FOUND',
    })
  })

  it('answers a duplicate ISBN on create with 409', async () => {
    const { app, book } = seeded()
    const response = await app.request('/books', jsonBody('POST', { ...dune, title: 'Dune again' }))
    expect(await problem(response, 409)).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: `The book ${book.id} already has ISBN ${dune.isbn}`,
      instance: '/books',
      code: 'BOOKS_DUPLICATE_ISBN',
    })
  })

  it.each(['PUT', 'PATCH'])(
    'answers %s to another book ISBN with 409 and changes nothing',
    async (method) => {
      const { app, book, other } = seeded()
      const response = await app.request(
        `/books/${other.id}`,
        jsonBody(method, { ...hobbit, isbn: dune.isbn }),
      )
      expect(await problem(response, 409)).toMatchObject({
        status: 409,
        detail: `The book ${book.id} already has ISBN ${dune.isbn}`,
        instance: `/books/${other.id}`,
        code: 'BOOKS_DUPLICATE_ISBN',
      })
      expect(await (await app.request(`/books/${other.id}`)).json()).toEqual(other)
    },
  )
})
