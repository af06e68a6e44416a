import type { BookInput } from './schema.ts'

export const dune: BookInput = { title: 'Dune', author: 'Frank Herbert', isbn: '9780441172719', year: 1965 }
export const hobbit: BookInput = { title: 'The Hobbit', author: 'J. R. R. Tolkien', isbn: '9780547928227' }
export const silmarillion: BookInput = {
  title: 'The Silmarillion',
  author: 'J. R. R. Tolkien',
  isbn: '9780544338012',
  year: 1977,
}

export const unknownId = '00000000-0000-4000-8000-000000000000'

/** `RequestInit` for a JSON body. */
export function jsonBody(method: string, body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
}
