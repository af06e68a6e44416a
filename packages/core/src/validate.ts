import type { Context } from './context.ts'
import { HttpError, type ProblemIssue } from './http-error.ts'
import type { InferSchemaOutput, StandardSchemaIssue, StandardSchemaV1 } from './standard-schema.ts'
import type { MiddlewareHandler, ValidationTarget } from './types.ts'

type Reader = (c: Context) => unknown | Promise<unknown>

function singleOrList<V>(entries: Iterable<[string, V]>): Record<string, V | V[]> {
  const result: Record<string, V | V[]> = Object.create(null)
  for (const [key, value] of entries) {
    const current = result[key]
    if (current === undefined) result[key] = value
    else if (Array.isArray(current)) current.push(value)
    else result[key] = [current, value]
  }
  return result
}

const readers: Record<ValidationTarget, Reader> = {
  json: (c) => c.req.json(),
  form: async (c) => singleOrList((await c.req.formData()).entries()),
  query: (c) => {
    const lists = c.req.queries()
    const result: Record<string, string | string[]> = Object.create(null)
    for (const key in lists) result[key] = lists[key]!.length === 1 ? lists[key]![0]! : lists[key]!
    return result
  },
  params: (c) => c.req.param(),
  headers: (c) => c.req.header(),
  cookie: (c) => c.req.cookie(),
}

function toPointer(path: StandardSchemaIssue['path']): string {
  if (!path || path.length === 0) return ''
  let pointer = ''
  for (const segment of path) {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment
    pointer += `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`
  }
  return pointer
}

function validationError(target: ValidationTarget, issues: readonly StandardSchemaIssue[]): HttpError {
  const errors: ProblemIssue[] = issues.map((issue) => ({
    where: target,
    path: toPointer(issue.path),
    message: issue.message,
  }))
  const summary = errors
    .map((error) => (error.path === '' ? error.message : `${error.path}: ${error.message}`))
    .join('; ')
  return HttpError.fromCode('OS_ERR_VALIDATION_FAILED', { detail: `Invalid ${target}: ${summary}`, errors })
}

/**
 * Validates one part of the request with any Standard Schema (zod, valibot, arktype, ...). A value
 * that fails gets a 400 problem response listing each issue (`where`, `path`, `message`); the
 * parsed value is available, typed, as `c.req.valid(target)`.
 *
 * @example
 * import { validate } from '@openspeed/core'
 * import { z } from 'zod'
 * app.post('/books', validate('json', z.object({ title: z.string().min(1) })), (c) => {
 *   const { title } = c.req.valid('json')
 *   return c.json({ title }, 201)
 * })
 */
export function validate<T extends ValidationTarget, Schema extends StandardSchemaV1>(
  target: T,
  schema: Schema,
): MiddlewareHandler<any, any, { [K in T]: InferSchemaOutput<Schema> }> {
  const read = readers[target]
  if (read === undefined) throw new TypeError(`Unknown validation target "${target}"`)
  const standard = schema['~standard']
  return async (c, next) => {
    const value = await read(c)
    const result = await standard.validate(value)
    if (result.issues !== undefined) throw validationError(target, result.issues)
    c.req.addValidatedData(target, result.value)
    await next()
  }
}
