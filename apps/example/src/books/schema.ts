import { z } from 'zod'

/** A book as the API returns it. */
export interface Book {
  id: string
  title: string
  author: string
  isbn: string
  year?: number | undefined
}

const bookFields = {
  title: z.string().trim().min(1).max(200),
  author: z.string().trim().min(1).max(200),
  isbn: z.string().regex(/^(?:\d{9}[\dX]|\d{13})$/, 'Expected an ISBN-10 or ISBN-13 without hyphens'),
  year: z.int().min(0).max(9999).optional(),
}

/** The body of `POST /books` and `PUT /books/:id`; unknown keys are rejected. */
export const bookInputSchema = z.strictObject(bookFields).meta({ id: 'BookInput' })

/** The body of `PATCH /books/:id`: any subset of the input fields. */
export const bookPatchSchema = z.strictObject(bookFields).partial().meta({ id: 'BookPatch' })

/** A book as the API answers it (documents responses and checks them in development). */
export const bookSchema = z.object({ id: z.uuid(), ...bookFields }).meta({ id: 'Book' })

/** The answer of `GET /books`. */
export const bookPageSchema = z
  .object({ items: z.array(bookSchema), total: z.int(), limit: z.int(), offset: z.int() })
  .meta({ id: 'BookPage' })

/** `:id` must be a UUID, so a malformed id is a 400 and only a well-formed unknown id a 404. */
export const bookParamsSchema = z.object({ id: z.uuid().describe('The book id') })

/** `GET /books?limit=&offset=&author=`; query strings arrive as text, hence `z.coerce`. */
export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Books to skip'),
  author: z.string().trim().min(1).optional().describe('Part of the author name, any case'),
})

export type BookInput = z.infer<typeof bookInputSchema>
export type BookPatch = z.infer<typeof bookPatchSchema>
export type ListQuery = z.infer<typeof listQuerySchema>
