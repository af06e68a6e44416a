import { FastResponse } from './fast-response.ts'
import type { HttpError } from './http-error.ts'

/** The RFC 9457 problem details object OpenSpeed sends for every error. */
export interface ProblemDetails {
  type: string
  title: string
  status: number
  detail?: string
  instance?: string
  code?: string
  errors?: { where: string; path: string; message: string }[]
  /** RFC 9457 extension members, from `HttpError`'s `extensions` option. */
  [extension: string]: unknown
}

/**
 * What a problem response is built from: an `HttpError`, or a plain object with the same fields
 * where building an `Error` (and its stack trace) would be wasted work, as on the 404 path.
 */
export type ProblemSource = Pick<
  HttpError,
  'status' | 'title' | 'type' | 'detail' | 'code' | 'errors' | 'headers'
> &
  Partial<Pick<HttpError, 'extensions'>>

/** Media type of RFC 9457 problem responses. */
export const problemContentType = 'application/problem+json'

/**
 * Builds the RFC 9457 `application/problem+json` response for an `HttpError`.
 *
 * @example
 * import { HttpError, toProblemResponse } from '@openspeed/core'
 * app.onError((error, c) => toProblemResponse(HttpError.isInstance(error) ? error : new HttpError(500), c.req.path))
 */
export function toProblemResponse(error: ProblemSource, instance?: string): FastResponse<ProblemDetails> {
  const problem: ProblemDetails = { type: error.type, title: error.title, status: error.status }
  if (error.detail !== undefined) problem.detail = error.detail
  if (instance !== undefined) problem.instance = instance
  if (error.code !== undefined) problem.code = error.code
  if (error.errors !== undefined) problem.errors = error.errors
  const extensions = error.extensions
  if (extensions !== undefined) for (const name in extensions) problem[name] = extensions[name]
  const headers: Record<string, string> = { 'content-type': problemContentType }
  if (error.headers) for (const name in error.headers) headers[name.toLowerCase()] = error.headers[name]!
  return new FastResponse(error.status, headers, JSON.stringify(problem))
}
