import type { Book, BookInput, BookPatch, ListQuery } from './schema.ts'

/** One page of books and how many match in total. */
export interface BookPage {
  items: Book[]
  total: number
}

/**
 * In-memory book storage with a unique ISBN index. Callers check `findByIsbn` before writing; the
 * store itself stays free of HTTP concerns.
 */
export class BookStore {
  readonly #books = new Map<string, Book>()
  readonly #idsByIsbn = new Map<string, string>()

  constructor(seed: BookInput[] = []) {
    for (const input of seed) this.create(input)
  }

  list({ limit, offset, author }: ListQuery): BookPage {
    let books = [...this.#books.values()]
    if (author !== undefined) {
      const needle = author.toLowerCase()
      books = books.filter((book) => book.author.toLowerCase().includes(needle))
    }
    return { items: books.slice(offset, offset + limit), total: books.length }
  }

  get(id: string): Book | undefined {
    return this.#books.get(id)
  }

  findByIsbn(isbn: string): Book | undefined {
    const id = this.#idsByIsbn.get(isbn)
    return id === undefined ? undefined : this.#books.get(id)
  }

  create(input: BookInput): Book {
    const book: Book = { id: crypto.randomUUID(), ...input }
    this.#save(book)
    return book
  }

  /** Replaces every field; returns `undefined` for an unknown id. */
  replace(id: string, input: BookInput): Book | undefined {
    return this.#books.has(id) ? this.#save({ id, ...input }) : undefined
  }

  /** Changes the given fields only; returns `undefined` for an unknown id. */
  update(id: string, patch: BookPatch): Book | undefined {
    const current = this.#books.get(id)
    return current === undefined ? undefined : this.#save({ ...current, ...patch, id })
  }

  delete(id: string): boolean {
    const book = this.#books.get(id)
    if (book === undefined) return false
    this.#books.delete(id)
    this.#idsByIsbn.delete(book.isbn)
    return true
  }

  #save(book: Book): Book {
    const previous = this.#books.get(book.id)
    if (previous !== undefined) this.#idsByIsbn.delete(previous.isbn)
    this.#books.set(book.id, book)
    this.#idsByIsbn.set(book.isbn, book.id)
    return book
  }
}
