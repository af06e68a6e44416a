import type { NotFoundHandler } from './_definition.ts'
import { errorStatus, statusTitle } from './_error-status.ts'
import type { Context } from './context.ts'
import { FastResponse } from './fast-response.ts'
import { problemContentType } from './problem.ts'

const status = errorStatus.OS_ERR_NOT_FOUND
// the members of toProblemResponse()'s body in its order, with the constant ones serialised once
const bodyStart = `{"type":"about:blank","title":${JSON.stringify(statusTitle(status))},"status":${status},"detail":`
const bodyEnd = ',"code":"OS_ERR_NOT_FOUND"}'

// built by hand, not through an HttpError: unmatched requests are common, and a stack trace and
// a generic serialisation cost more than the whole answer
export const defaultNotFound: NotFoundHandler = (c) => {
  const path = c.req.path
  const detail = JSON.stringify(`No route matches ${c.req.method} ${path}`)
  return new FastResponse(
    status,
    { 'content-type': problemContentType },
    `${bodyStart}${detail},"instance":${JSON.stringify(path)}${bodyEnd}`,
  )
}

export const defaultLogError = (error: unknown, c: Context): void => {
  console.error(`[openspeed] unhandled error in ${c.req.method} ${c.req.path}:`, error)
}
