import { describe, expect, it } from 'vitest'
import { dune, hobbit, unknownId } from './_fixtures.ts'
import { BookStore } from './store.ts'

describe('BookStore', () => {
  it('indexes books by ISBN and keeps the index in step with writes', () => {
    const store = new BookStore()
    const book = store.create(dune)
    expect(store.findByIsbn(dune.isbn)).toEqual(book)
    store.replace(book.id, hobbit)
    expect(store.findByIsbn(dune.isbn)).toBeUndefined()
    expect(store.findByIsbn(hobbit.isbn)?.id).toBe(book.id)
    store.delete(book.id)
    expect(store.findByIsbn(hobbit.isbn)).toBeUndefined()
  })

  it('returns undefined or false for unknown ids', () => {
    const store = new BookStore([dune])
    expect(store.get(unknownId)).toBeUndefined()
    expect(store.replace(unknownId, hobbit)).toBeUndefined()
    expect(store.update(unknownId, { year: 1 })).toBeUndefined()
    expect(store.delete(unknownId)).toBe(false)
    expect(store.list({ limit: 10, offset: 0 }).total).toBe(1)
  })

  it('pages past the end with an empty list and the full total', () => {
    const store = new BookStore([dune, hobbit])
    expect(store.list({ limit: 10, offset: 5 })).toEqual({ items: [], total: 2 })
  })
})
