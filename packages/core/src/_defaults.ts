import type { NotFoundHandler } from './_definition.ts'
import type { Context } from './context.ts'
import { HttpError } from './http-error.ts'
import { toProblemResponse } from './problem.ts'

export const defaultNotFound: NotFoundHandler = (c) =>
  toProblemResponse(
    HttpError.fromCode('OS_ERR_NOT_FOUND', { detail: `No route matches ${c.req.method} ${c.req.path}` }),
    c.req.path,
  )

export const defaultLogError = (error: unknown, c: Context): void => {
  console.error(`[openspeed] unhandled error in ${c.req.method} ${c.req.path}:`, error)
}
