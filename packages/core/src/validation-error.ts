import { HttpError, type ProblemIssue } from './http-error.ts'
import type { StandardSchemaIssue } from './standard-schema.ts'

/**
 * Turns a Standard Schema issue path into a JSON Pointer (RFC 6901): `['items', 0, 'name']` is
 * `/items/0/name`; the root is `''`.
 *
 * @example
 * import { toJsonPointer } from '@openspeed/core'
 * toJsonPointer(['a/b', { key: 0 }]) // '/a~1b/0'
 */
export function toJsonPointer(path: StandardSchemaIssue['path']): string {
  if (!path || path.length === 0) return ''
  let pointer = ''
  for (const segment of path) {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment
    pointer += `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`
  }
  return pointer
}

function unknownKeys(issue: StandardSchemaIssue): readonly string[] | undefined {
  const { code, keys } = issue as { code?: unknown; keys?: unknown }
  if (code !== 'unrecognized_keys' || !Array.isArray(keys) || keys.length === 0) return undefined
  return keys.every((key) => typeof key === 'string') ? keys : undefined
}

/**
 * Converts Standard Schema issues into the `errors` entries of a problem response
 * (`{ where, path, message }`, `path` a JSON Pointer). Issues that name unknown object keys (zod's
 * `unrecognized_keys`) become one entry per key, pointing at the key itself.
 *
 * @example
 * import { toProblemIssues } from '@openspeed/core'
 * toProblemIssues('json', [{ message: 'Required', path: ['title'] }])
 * // [{ where: 'json', path: '/title', message: 'Required' }]
 */
export function toProblemIssues(where: string, issues: readonly StandardSchemaIssue[]): ProblemIssue[] {
  const errors: ProblemIssue[] = []
  for (const issue of issues) {
    const path = toJsonPointer(issue.path)
    const keys = unknownKeys(issue)
    if (keys === undefined) {
      errors.push({ where, path, message: issue.message })
      continue
    }
    for (const key of keys) {
      const message = keys.length === 1 ? issue.message : `Unrecognized key: "${key}"`
      errors.push({ where, path: `${path}${toJsonPointer([key])}`, message })
    }
  }
  return errors
}

/**
 * Builds the error `validate()` throws: a 400 `OS_ERR_VALIDATION_FAILED` problem whose `detail`
 * sums up every issue in one sentence and whose `errors` lists them one by one. Libraries that
 * validate outside `validate()` use it to answer in the same shape.
 *
 * @example
 * import { toValidationError } from '@openspeed/core'
 * const result = await schema['~standard'].validate(value)
 * if (result.issues) throw toValidationError('json', result.issues)
 */
export function toValidationError(where: string, issues: readonly StandardSchemaIssue[]): HttpError {
  const errors = toProblemIssues(where, issues)
  const summary = errors
    .map((error) => (error.path === '' ? error.message : `${error.path}: ${error.message}`))
    .join('; ')
  return HttpError.fromCode('OS_ERR_VALIDATION_FAILED', { detail: `Invalid ${where}: ${summary}`, errors })
}
