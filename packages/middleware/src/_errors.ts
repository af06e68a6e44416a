import { type ErrorCodeInfo, HttpError, type HttpErrorOptions } from '@openspeed/core'

/** A stable error code of `@openspeed/middleware`, sent as the problem's `code` member. */
export type MiddlewareErrorCode =
  | 'OS_ERR_CORS_INVALID_PREFLIGHT'
  | 'OS_ERR_CORS_ORIGIN_NOT_ALLOWED'
  | 'OS_ERR_CORS_METHOD_NOT_ALLOWED'
  | 'OS_ERR_CORS_HEADERS_NOT_ALLOWED'
  | 'OS_ERR_TIMEOUT_EXCEEDED'
  | 'OS_ERR_CSRF_ORIGIN_REJECTED'
  | 'OS_ERR_CSRF_TOKEN_MISSING'
  | 'OS_ERR_CSRF_TOKEN_INVALID'
  | 'OS_ERR_RATE_LIMIT_EXCEEDED'
  | 'OS_ERR_IP_FILTER_DENIED'
  | 'OS_ERR_STATIC_PATH_FORBIDDEN'
  | 'OS_ERR_STATIC_BAD_PATH'
  | 'OS_ERR_STATIC_RANGE_NOT_SATISFIABLE'

/** Every error code the middleware of this package answers with; each is listed in the README. */
export const middlewareErrorCodes: Readonly<Record<MiddlewareErrorCode, ErrorCodeInfo>> = {
  OS_ERR_CORS_INVALID_PREFLIGHT: {
    status: 400,
    title: 'Bad Request',
    description:
      'A CORS preflight whose Access-Control-Request-Method or Access-Control-Request-Headers is not a valid token list.',
  },
  OS_ERR_CORS_ORIGIN_NOT_ALLOWED: {
    status: 403,
    title: 'Forbidden',
    description: 'A CORS preflight from an origin the policy does not allow; no CORS headers are sent.',
  },
  OS_ERR_CORS_METHOD_NOT_ALLOWED: {
    status: 403,
    title: 'Forbidden',
    description: 'A CORS preflight asking for a method outside `allowMethods`.',
  },
  OS_ERR_CORS_HEADERS_NOT_ALLOWED: {
    status: 403,
    title: 'Forbidden',
    description: 'A CORS preflight asking for request headers outside `allowHeaders`.',
  },
  OS_ERR_TIMEOUT_EXCEEDED: {
    status: 504,
    title: 'Gateway Timeout',
    description: 'The handler did not answer within the `timeout()` limit (503 or 504, as configured).',
  },
  OS_ERR_CSRF_ORIGIN_REJECTED: {
    status: 403,
    title: 'Forbidden',
    description:
      'An unsafe request (POST, PUT, PATCH, DELETE, ...) sent cross-site: Sec-Fetch-Site or Origin names a site that is not trusted.',
  },
  OS_ERR_CSRF_TOKEN_MISSING: {
    status: 403,
    title: 'Forbidden',
    description:
      'An unsafe request without the CSRF token cookie, or without the token in the header or form field.',
  },
  OS_ERR_CSRF_TOKEN_INVALID: {
    status: 403,
    title: 'Forbidden',
    description:
      'The submitted CSRF token does not match the token cookie, or the cookie signature is invalid.',
  },
  OS_ERR_RATE_LIMIT_EXCEEDED: {
    status: 429,
    title: 'Too Many Requests',
    description:
      'The client used up its `rateLimit()` quota; `Retry-After`, `RateLimit` and `RateLimit-Policy` say when it refills.',
  },
  OS_ERR_IP_FILTER_DENIED: {
    status: 403,
    title: 'Forbidden',
    description: 'The client address is denied, not in the allow list of `ipFilter()`, or cannot be known.',
  },
  OS_ERR_STATIC_PATH_FORBIDDEN: {
    status: 403,
    title: 'Forbidden',
    description:
      '`serveStatic()` refused a path that leaves the root (`..`, encoded or not), a dotfile, or a symlink out of the root.',
  },
  OS_ERR_STATIC_BAD_PATH: {
    status: 400,
    title: 'Bad Request',
    description: '`serveStatic()` got a path with a NUL byte, a backslash or invalid percent-encoding.',
  },
  OS_ERR_STATIC_RANGE_NOT_SATISFIABLE: {
    status: 416,
    title: 'Range Not Satisfiable',
    description: 'A `Range` request lies outside the file; `Content-Range: bytes */<size>` gives its length.',
  },
}

/** Builds the `HttpError` (a problem+json answer) for one of this package's codes. */
export function middlewareError(
  code: MiddlewareErrorCode,
  options: Omit<HttpErrorOptions, 'code'> & { status?: number } = {},
): HttpError {
  const info = middlewareErrorCodes[code]
  const { status = info.status, ...rest } = options
  return new HttpError(status, { title: status === info.status ? info.title : undefined, ...rest, code })
}
