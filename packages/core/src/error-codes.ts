/** One documented, stable error code: the HTTP status it maps to and a short title. */
export interface ErrorCodeInfo {
  readonly status: number
  readonly title: string
  readonly description: string
}

/** A stable OpenSpeed core error code, such as `OS_ERR_VALIDATION_FAILED`. */
export type ErrorCode =
  | 'OS_ERR_BAD_REQUEST'
  | 'OS_ERR_REQUEST_MALFORMED_URL'
  | 'OS_ERR_REQUEST_UNPARSABLE'
  | 'OS_ERR_REQUEST_BODY_INCOMPLETE'
  | 'OS_ERR_REQUEST_TIMEOUT'
  | 'OS_ERR_REQUEST_HEADERS_TOO_LARGE'
  | 'OS_ERR_REQUEST_INVALID_JSON'
  | 'OS_ERR_REQUEST_FORBIDDEN_JSON_KEY'
  | 'OS_ERR_REQUEST_INVALID_FORM'
  | 'OS_ERR_VALIDATION_FAILED'
  | 'OS_ERR_NOT_FOUND'
  | 'OS_ERR_METHOD_NOT_ALLOWED'
  | 'OS_ERR_REQUEST_BODY_TOO_LARGE'
  | 'OS_ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE'
  | 'OS_ERR_INTERNAL'
  | 'OS_ERR_RESPONSE_INVALID_HEADER'
  | 'OS_ERR_ROUTER_INVALID_PATTERN'
  | 'OS_ERR_ROUTER_DUPLICATE_ROUTE'
  | 'OS_ERR_APP_ALREADY_STARTED'
  | 'OS_ERR_PLUGIN_DUPLICATE'
  | 'OS_ERR_PLUGIN_MISSING_DEPENDENCY'
  | 'OS_ERR_BODY_ALREADY_READ'

/**
 * Every error code `@openspeed/core` can produce. Codes are stable: a code is never reused for a
 * different meaning. Problem responses carry the code in their `code` member.
 *
 * @example
 * import { errorCodes } from '@openspeed/core'
 * errorCodes.OS_ERR_REQUEST_BODY_TOO_LARGE.status // 413
 */
export const errorCodes: Readonly<Record<ErrorCode, ErrorCodeInfo>> = {
  OS_ERR_BAD_REQUEST: {
    status: 400,
    title: 'Bad Request',
    description: 'The request is malformed in a way no more specific code describes.',
  },
  OS_ERR_REQUEST_MALFORMED_URL: {
    status: 400,
    title: 'Bad Request',
    description: 'The request path or query has invalid percent-encoding.',
  },
  OS_ERR_REQUEST_UNPARSABLE: {
    status: 400,
    title: 'Bad Request',
    description:
      'The request is not valid HTTP (request line, version or header syntax); answered by the adapter.',
  },
  OS_ERR_REQUEST_BODY_INCOMPLETE: {
    status: 400,
    title: 'Bad Request',
    description: 'The connection ended before the whole request body arrived.',
  },
  OS_ERR_REQUEST_TIMEOUT: {
    status: 408,
    title: 'Request Timeout',
    description: 'The request was not received within the server timeout; answered by the adapter.',
  },
  OS_ERR_REQUEST_HEADERS_TOO_LARGE: {
    status: 431,
    title: 'Request Header Fields Too Large',
    description: 'The request headers are larger than the server accepts; answered by the adapter.',
  },
  OS_ERR_REQUEST_INVALID_JSON: {
    status: 400,
    title: 'Bad Request',
    description: 'The request body is not valid JSON.',
  },
  OS_ERR_REQUEST_FORBIDDEN_JSON_KEY: {
    status: 400,
    title: 'Bad Request',
    description: 'The JSON body contains a "__proto__" or "constructor.prototype" key.',
  },
  OS_ERR_REQUEST_INVALID_FORM: {
    status: 400,
    title: 'Bad Request',
    description: 'The request body is not a valid form.',
  },
  OS_ERR_VALIDATION_FAILED: {
    status: 400,
    title: 'Bad Request',
    description: 'A part of the request failed schema validation; `errors` lists each issue.',
  },
  OS_ERR_NOT_FOUND: {
    status: 404,
    title: 'Not Found',
    description: 'No route matches the request path.',
  },
  OS_ERR_METHOD_NOT_ALLOWED: {
    status: 405,
    title: 'Method Not Allowed',
    description: 'The path exists but not for this method; the `Allow` header lists the methods.',
  },
  OS_ERR_REQUEST_BODY_TOO_LARGE: {
    status: 413,
    title: 'Content Too Large',
    description: 'The request body is larger than the configured body limit.',
  },
  OS_ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: 'Unsupported Media Type',
    description: 'The request content type is not the one the route reads.',
  },
  OS_ERR_INTERNAL: {
    status: 500,
    title: 'Internal Server Error',
    description: 'An unexpected error; details go to the logger, never to the client.',
  },
  OS_ERR_RESPONSE_INVALID_HEADER: {
    status: 500,
    title: 'Internal Server Error',
    description: 'Application code set a header name or value containing CR, LF, NUL or invalid characters.',
  },
  OS_ERR_ROUTER_INVALID_PATTERN: {
    status: 500,
    title: 'Internal Server Error',
    description: 'A route pattern is not valid (thrown when the route is registered).',
  },
  OS_ERR_ROUTER_DUPLICATE_ROUTE: {
    status: 500,
    title: 'Internal Server Error',
    description: 'Two routes have the same method and pattern (thrown when the route is registered).',
  },
  OS_ERR_APP_ALREADY_STARTED: {
    status: 500,
    title: 'Internal Server Error',
    description: 'Middleware, mounts or plugins were added after the app started serving.',
  },
  OS_ERR_PLUGIN_DUPLICATE: {
    status: 500,
    title: 'Internal Server Error',
    description: 'Two plugins with the same name were registered.',
  },
  OS_ERR_PLUGIN_MISSING_DEPENDENCY: {
    status: 500,
    title: 'Internal Server Error',
    description: 'A plugin declares a dependency that was not registered before it.',
  },
  OS_ERR_BODY_ALREADY_READ: {
    status: 500,
    title: 'Internal Server Error',
    description: 'The request body was read in one format and then requested as a stream.',
  },
}
