import { describe, HttpError, OpenSpeed, validate } from '@openspeed/core'
import type { Book } from './schema.ts'
import {
  bookInputSchema,
  bookPageSchema,
  bookParamsSchema,
  bookPatchSchema,
  bookSchema,
  listQuerySchema,
} from './schema.ts'
import type { BookStore } from './store.ts'

function notFound(id: string): HttpError {
  return new HttpError(404, { code: 'BOOKS_NOT_FOUND', detail: `No book with id ${id}` })
}

function assertIsbnFree(store: BookStore, isbn: string, id?: string): void {
  const existing = store.findByIsbn(isbn)
  if (existing !== undefined && existing.id !== id) {
    throw new HttpError(409, {
      code: 'BOOKS_DUPLICATE_ISBN',
      detail: `The book ${existing.id} already has ISBN ${isbn}`,
    })
  }
}

function found(book: Book | undefined, id: string): Book {
  if (book === undefined) throw notFound(id)
  return book
}

/**
 * The `books` resource as a sub-app; mount it with `app.route('/books', createBookRoutes(store))`.
 * Chained so the returned type records every route's input and output.
 */
export function createBookRoutes(store: BookStore) {
  const params = validate('params', bookParamsSchema)
  const missing = { 404: { description: 'No book with that id' } }
  const taken = { 409: { description: 'Another book has that ISBN' } }
  return new OpenSpeed()
    .use(describe({ tags: ['books'] }))
    .get(
      '/',
      describe({
        summary: 'List books',
        description: 'A page of books, oldest first, optionally filtered by author.',
        responses: { 200: bookPageSchema },
      }),
      validate('query', listQuerySchema),
      (c) => {
        const query = c.req.valid('query')
        return c.json({ ...store.list(query), limit: query.limit, offset: query.offset })
      },
    )
    .post(
      '/',
      describe({
        summary: 'Add a book',
        description: 'Stores a new book; its ISBN must not belong to another book.',
        responses: {
          201: { description: 'Created', schema: bookSchema, headers: { location: { required: true } } },
          ...taken,
        },
      }),
      validate('json', bookInputSchema),
      (c) => {
        const input = c.req.valid('json')
        assertIsbnFree(store, input.isbn)
        const book = store.create(input)
        // relative to where the sub-app is mounted, which it does not know
        return c.json(book, 201, { location: `${c.req.path.replace(/\/$/, '')}/${book.id}` })
      },
    )
    .get(
      '/:id',
      describe({
        summary: 'Read a book',
        description: 'The book with this id.',
        responses: { 200: bookSchema, ...missing },
      }),
      params,
      (c) => {
        const { id } = c.req.valid('params')
        return c.json(found(store.get(id), id))
      },
    )
    .put(
      '/:id',
      describe({
        summary: 'Replace a book',
        description: 'Replaces every field of the book with this id.',
        responses: { 200: bookSchema, ...missing, ...taken },
      }),
      params,
      validate('json', bookInputSchema),
      (c) => {
        const { id } = c.req.valid('params')
        const input = c.req.valid('json')
        found(store.get(id), id)
        assertIsbnFree(store, input.isbn, id)
        return c.json(store.replace(id, input)!)
      },
    )
    .patch(
      '/:id',
      describe({
        summary: 'Change some fields of a book',
        description: 'Changes only the fields the body names.',
        responses: { 200: bookSchema, ...missing, ...taken },
      }),
      params,
      validate('json', bookPatchSchema),
      (c) => {
        const { id } = c.req.valid('params')
        const patch = c.req.valid('json')
        found(store.get(id), id)
        if (patch.isbn !== undefined) assertIsbnFree(store, patch.isbn, id)
        return c.json(store.update(id, patch)!)
      },
    )
    .delete(
      '/:id',
      describe({
        summary: 'Delete a book',
        description: 'Removes the book with this id.',
        responses: { 204: { description: 'Deleted' }, ...missing },
      }),
      params,
      (c) => {
        const { id } = c.req.valid('params')
        if (!store.delete(id)) throw notFound(id)
        return c.body(null, 204)
      },
    )
}
