import type { NotFoundHandler } from './_definition.ts'
import { errorStatus, statusTitle } from './_error-status.ts'
import type { Context } from './context.ts'
import { toProblemResponse } from './problem.ts'

const status = errorStatus.OS_ERR_NOT_FOUND
const title = statusTitle(status)

// a plain object, not an HttpError: unmatched requests are common and a stack trace is costly
export const defaultNotFound: NotFoundHandler = (c) => {
  const path = c.req.path
  const detail = `No route matches ${c.req.method} ${path}`
  return toProblemResponse(
    {
      status,
      title,
      type: 'about:blank',
      detail,
      code: 'OS_ERR_NOT_FOUND',
      errors: undefined,
      headers: undefined,
    },
    path,
  )
}

export const defaultLogError = (error: unknown, c: Context): void => {
  console.error(`[openspeed] unhandled error in ${c.req.method} ${c.req.path}:`, error)
}
