import { isPromiseLike } from './_promise.ts'
import { setValidation } from './_route-meta.ts'
import type { Context } from './context.ts'
import type { FastResponse } from './fast-response.ts'
import type { HttpError } from './http-error.ts'
import type {
  InferSchemaInput,
  InferSchemaOutput,
  StandardSchemaIssue,
  StandardSchemaResult,
  StandardSchemaV1,
} from './standard-schema.ts'
import type { MiddlewareHandler, Next, ValidationTarget } from './types.ts'
import { toValidationError } from './validation-error.ts'

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

/** A failed validation, as handed to {@link ValidateOptions.onError}. */
export interface ValidationFailure {
  readonly target: ValidationTarget
  /** The value that was read from the request. */
  readonly value: unknown
  /** The schema library's own issues. */
  readonly issues: readonly StandardSchemaIssue[]
  /** The default 400 problem, with `detail` and `errors` already formatted. */
  readonly error: HttpError
}

/** Options for {@link validate}. */
export interface ValidateOptions {
  /**
   * Called when validation fails. Return a response to answer with it, throw to answer with
   * another error, or return nothing to answer with the default 400 problem (`failure.error`).
   */
  onError?: (
    failure: ValidationFailure,
    c: Context,
  ) => Response | FastResponse | void | Promise<Response | FastResponse | void>
}

/**
 * What `validate(target, schema)` adds to a route's input type: the validated value (the schema's
 * output, what `c.req.valid(target)` returns) and, under `~input`, what a client sends (the schema's
 * input: a zod field with `.default()` is optional there), which typed clients read.
 */
export type ValidatedInput<T extends ValidationTarget, Schema extends StandardSchemaV1> = {
  [K in T]: InferSchemaOutput<Schema>
} & { readonly '~input'?: { [K in T]: InferSchemaInput<Schema> } }

/**
 * Validates one part of the request with any Standard Schema (zod, valibot, arktype, ...). A value
 * that fails gets a 400 problem response listing each issue (`where`, `path`, `message`); the
 * parsed value is available, typed, as `c.req.valid(target)`. The target and schema stay readable
 * on the middleware with `getValidation()`, which is how OpenAPI generators document the route.
 * Every schema library's failures come out in the same shape; `options.onError` changes the answer.
 *
 * @example
 * import { validate } from '@openspeed/core'
 * import { z } from 'zod'
 * app.post('/books', validate('json', z.object({ title: z.string().min(1) })), (c) => {
 *   const { title } = c.req.valid('json')
 *   return c.json({ title }, 201)
 * })
 * // a custom answer for one route
 * validate('query', schema, { onError: ({ error }, c) => c.json({ message: error.detail }, 422) })
 */
export function validate<T extends ValidationTarget, Schema extends StandardSchemaV1>(
  target: T,
  schema: Schema,
  options: ValidateOptions = {},
): MiddlewareHandler<any, any, ValidatedInput<T, Schema>> {
  const read = readers[target]
  if (read === undefined) throw new TypeError(`Unknown validation target "${target}"`)
  const standard = schema['~standard']
  const { onError } = options
  type Settled = Response | FastResponse | void
  type Answer = Settled | Promise<Settled>
  const refuse = async (
    c: Context,
    value: unknown,
    issues: readonly StandardSchemaIssue[],
  ): Promise<Settled> => {
    const error = toValidationError(target, issues)
    const answer = onError === undefined ? undefined : await onError({ target, value, issues, error }, c)
    if (!answer) throw error
    return answer
  }
  const decide = (c: Context, next: Next, value: unknown, result: StandardSchemaResult<unknown>): Answer => {
    if (result.issues !== undefined) return refuse(c, value, result.issues)
    c.req.addValidatedData(target, result.value)
    return next()
  }
  const check = (c: Context, next: Next, value: unknown): Answer => {
    const validated = standard.validate(value)
    return isPromiseLike(validated)
      ? Promise.resolve(validated).then<Settled>((result) => decide(c, next, value, result))
      : decide(c, next, value, validated)
  }
  // no async function: a synchronous reader or schema costs no promise, a real one costs its own
  const middleware: MiddlewareHandler = (c, next) => {
    const raw = read(c)
    return isPromiseLike(raw)
      ? Promise.resolve(raw).then<Settled>((value) => check(c, next, value))
      : check(c, next, raw)
  }
  return setValidation(middleware, { target, schema })
}
