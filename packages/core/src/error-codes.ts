import { errorStatus } from './_error-status.ts'
import type { ErrorCodeInfo } from './openspeed-error.ts'

type CoreCodeTable = { readonly [K in ErrorCode]: ErrorCodeInfo & { readonly status: number } }

/**
 * A stable OpenSpeed core error code, such as `OS_ERR_VALIDATION_FAILED`.
 *
 * @example
 * const code: ErrorCode = 'OS_ERR_NOT_FOUND'
 */
export type ErrorCode = keyof typeof errorStatus

const descriptions: Record<ErrorCode, string> = {
  OS_ERR_BAD_REQUEST: 'The request is malformed in a way no more specific code describes.',
  OS_ERR_REQUEST_MALFORMED_URL: 'The request path or query has invalid percent-encoding.',
  OS_ERR_REQUEST_UNPARSABLE:
    'The request is not valid HTTP (request line, version or header syntax); answered by the adapter.',
  OS_ERR_REQUEST_INVALID_HOST:
    'The Host header, or the authority of an absolute-form target, is not a valid host and port; answered by the adapter before the app runs.',
  OS_ERR_REQUEST_BODY_INCOMPLETE: 'The connection ended before the whole request body arrived.',
  OS_ERR_REQUEST_TIMEOUT: 'The request was not received within the server timeout; answered by the adapter.',
  OS_ERR_REQUEST_HEADERS_TOO_LARGE:
    'The request headers are larger than the server accepts; answered by the adapter.',
  OS_ERR_REQUEST_INVALID_JSON: 'The request body is not valid JSON.',
  OS_ERR_REQUEST_FORBIDDEN_JSON_KEY: 'The JSON body contains a "__proto__" or "constructor.prototype" key.',
  OS_ERR_REQUEST_INVALID_FORM: 'The request body is not a valid form.',
  OS_ERR_VALIDATION_FAILED: 'A part of the request failed schema validation; `errors` lists each issue.',
  OS_ERR_NOT_FOUND: 'No route matches the request path.',
  OS_ERR_METHOD_NOT_ALLOWED: 'The path exists but not for this method; the `Allow` header lists the methods.',
  OS_ERR_REQUEST_BODY_TOO_LARGE: 'The request body is larger than the configured body limit.',
  OS_ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE: 'The request content type is not the one the route reads.',
  OS_ERR_INTERNAL: 'An unexpected error; details go to the logger, never to the client.',
  OS_ERR_RESPONSE_INVALID_HEADER:
    'Application code set a header name or value containing CR, LF, NUL or invalid characters.',
  OS_ERR_ROUTER_INVALID_PATTERN: 'A route pattern is not valid (thrown when the route is registered).',
  OS_ERR_ROUTER_DUPLICATE_ROUTE:
    'Two routes have the same method and pattern (thrown when the route is registered).',
  OS_ERR_MIDDLEWARE_INVALID_SCOPE:
    'A scope given to `app.use(scope, ...)` is not valid (thrown when the middleware is added).',
  OS_ERR_MIDDLEWARE_NEXT_CALLED_TWICE: 'A middleware called `next()` more than once for one request.',
  OS_ERR_HOOK_UNKNOWN_NAME: '`app.addHook()` was given a name that is not a lifecycle hook.',
  OS_ERR_HOOK_INVALID_HANDLER: '`app.addHook()` was given something other than a function.',
  OS_ERR_APP_ALREADY_STARTED: 'Middleware, mounts or plugins were added after the app started serving.',
  OS_ERR_PLUGIN_DUPLICATE: 'Two plugins with the same name were registered.',
  OS_ERR_PLUGIN_MISSING_DEPENDENCY: 'A plugin declares a dependency that was not registered before it.',
  OS_ERR_BODY_ALREADY_READ: 'The request body was read in one format and then requested as a stream.',
  OS_ERR_PROBLEM_RESERVED_MEMBER:
    'An `HttpError` extension member has the name of a standard problem member (`type`, `title`, `status`, `detail`, `instance`, `code`, `errors`).',
  OS_ERR_INVALID_OPTIONS:
    'A function was called with an unknown option or a value of the wrong kind (`checkOptions()`; thrown at start-up).',
}

function describeCodes(): CoreCodeTable {
  const codes = Object.keys(errorStatus) as ErrorCode[]
  const entries = codes.map((code) => [
    code,
    Object.freeze({ status: errorStatus[code], description: descriptions[code] }),
  ])
  return Object.freeze(Object.fromEntries(entries)) as CoreCodeTable
}

/**
 * Every error code `@openspeed/core` can produce. Codes are stable: a code is never reused for a
 * different meaning. Problem responses carry the code in their `code` member.
 *
 * @example
 * import { errorCodes } from '@openspeed/core'
 * errorCodes.OS_ERR_REQUEST_BODY_TOO_LARGE.status // 413
 */
export const errorCodes: CoreCodeTable = /* @__PURE__ */ describeCodes()
