import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { HttpError } from './http-error.ts'
import { toJsonPointer, toProblemIssues, toValidationError } from './validation-error.ts'

describe('toJsonPointer()', () => {
  it('escapes ~ and / and reads { key } segments', () => {
    expect(toJsonPointer(undefined)).toBe('')
    expect(toJsonPointer([])).toBe('')
    expect(toJsonPointer(['a/b', { key: 'c~d' }, 0])).toBe('/a~1b/c~0d/0')
  })
})

describe('toProblemIssues()', () => {
  it("points zod's unknown-key issues at each key instead of the object", () => {
    const schema = z.strictObject({ a: z.string(), nested: z.strictObject({ b: z.number() }) })
    const one = schema.safeParse({ a: 'x', nested: { b: 1, c: 2 } })
    expect(toProblemIssues('json', one.error!.issues)).toEqual([
      { where: 'json', path: '/nested/c', message: 'Unrecognized key: "c"' },
    ])
    const two = schema.safeParse({ a: 'x', nested: { b: 1 }, x: 1, 'y/z': 2 })
    expect(toProblemIssues('json', two.error!.issues)).toEqual([
      { where: 'json', path: '/x', message: 'Unrecognized key: "x"' },
      { where: 'json', path: '/y~1z', message: 'Unrecognized key: "y/z"' },
    ])
  })

  it('gives valibot the same shape for the same input', async () => {
    const schema = v.strictObject({ a: v.string() })
    const result = await schema['~standard'].validate({ a: 'x', extra: 1 })
    expect(toProblemIssues('query', result.issues!)).toEqual([
      { where: 'query', path: '/extra', message: expect.stringMatching(/extra/) },
    ])
  })

  it('keeps issues whose keys field is not a list of names as they are', () => {
    const odd = { message: 'odd', code: 'unrecognized_keys', keys: [1], path: ['p'] }
    const empty = { message: 'empty', code: 'unrecognized_keys', keys: [] }
    expect(toProblemIssues('json', [odd, empty])).toEqual([
      { where: 'json', path: '/p', message: 'odd' },
      { where: 'json', path: '', message: 'empty' },
    ])
  })
})

describe('toValidationError()', () => {
  it('builds the 400 OS_ERR_VALIDATION_FAILED problem with a one-line detail', () => {
    const error = toValidationError('form', [{ message: 'Required', path: ['name'] }, { message: 'Bad' }])
    expect(HttpError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({
      status: 400,
      code: 'OS_ERR_VALIDATION_FAILED',
      detail: 'Invalid form: /name: Required; Bad',
      errors: [
        { where: 'form', path: '/name', message: 'Required' },
        { where: 'form', path: '', message: 'Bad' },
      ],
    })
  })
})
