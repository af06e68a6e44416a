import { errorStatus, statusTitle } from './_error-status.ts'
import { FastResponse } from './fast-response.ts'
import { problemContentType, toProblemResponse } from './problem.ts'
import type { NotFoundHandler } from './types.ts'

const status = errorStatus.OS_ERR_NOT_FOUND
const slot = '\0'

// toProblemResponse() serialises the constant members once, with slots where the detail and the
// instance go; each 404 then only serialises those two strings (a third of the work per answer)
const template = toProblemResponse(
  {
    status,
    title: statusTitle(status),
    type: 'about:blank',
    detail: slot,
    code: 'OS_ERR_NOT_FOUND',
    errors: undefined,
    headers: undefined,
  },
  slot,
).body as string
const [bodyStart, bodyMiddle, bodyEnd] = template.split(JSON.stringify(slot)) as [string, string, string]

export const defaultNotFound: NotFoundHandler = (c) => {
  const path = c.req.path
  const detail = JSON.stringify(`No route matches ${c.req.method} ${path}`)
  return new FastResponse(
    status,
    { 'content-type': problemContentType },
    `${bodyStart}${detail}${bodyMiddle}${JSON.stringify(path)}${bodyEnd}`,
  )
}

export { defaultLogError } from './last-resort.ts'
