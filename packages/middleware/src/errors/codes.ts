import type { ErrorCodeTable } from '@openspeed/core'

/**
 * A problem code a client can get from this package's middleware (the `code` member).
 *
 * @example
 * const code: MiddlewareProblemCode = 'OS_ERR_CORS_ORIGIN_NOT_ALLOWED'
 */
export type MiddlewareProblemCode =
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
  | 'OS_ERR_RATE_LIMIT_UNKNOWN_ADDRESS'

/**
 * A code thrown as a {@link MiddlewareError} when a middleware is created with invalid options.
 *
 * @example
 * const code: MiddlewareSetupCode = 'OS_ERR_CORS_INVALID_OPTIONS'
 */
export type MiddlewareSetupCode =
  | 'OS_ERR_CORS_INVALID_OPTIONS'
  | 'OS_ERR_REQUEST_ID_INVALID_OPTIONS'
  | 'OS_ERR_BODY_LIMIT_INVALID_OPTIONS'
  | 'OS_ERR_TIMEOUT_INVALID_OPTIONS'
  | 'OS_ERR_CACHE_CONTROL_INVALID_DIRECTIVES'
  | 'OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS'
  | 'OS_ERR_CSRF_INVALID_OPTIONS'
  | 'OS_ERR_TIMING_INVALID_OPTIONS'
  | 'OS_ERR_COMPRESS_INVALID_OPTIONS'
  | 'OS_ERR_RATE_LIMIT_INVALID_OPTIONS'
  | 'OS_ERR_IP_FILTER_INVALID_RULE'
  | 'OS_ERR_TRUST_PROXY_INVALID'
  | 'OS_ERR_STATIC_INVALID_OPTIONS'
  | 'OS_ERR_LOGGER_INVALID_OPTIONS'
  | 'OS_ERR_ETAG_INVALID_OPTIONS'

/**
 * A stable error code of `@openspeed/middleware`.
 *
 * @example
 * const description = middlewareErrorCodes['OS_ERR_CORS_INVALID_OPTIONS' satisfies MiddlewareErrorCode].description
 */
export type MiddlewareErrorCode = MiddlewareProblemCode | MiddlewareSetupCode

/**
 * Every error code of `@openspeed/middleware`; each is listed in the README. Codes with a
 * `status` are problem responses a client gets; the others are thrown as a `MiddlewareError`
 * when a middleware is created with invalid options.
 *
 * @example
 * import { middlewareErrorCodes } from '@openspeed/middleware/errors'
 * middlewareErrorCodes.OS_ERR_RATE_LIMIT_EXCEEDED.status // 429
 */
export const middlewareErrorCodes: ErrorCodeTable<MiddlewareErrorCode> = {
  OS_ERR_CORS_INVALID_PREFLIGHT: {
    status: 400,
    description:
      'A CORS preflight whose Access-Control-Request-Method or Access-Control-Request-Headers is not a valid token list.',
  },
  OS_ERR_CORS_ORIGIN_NOT_ALLOWED: {
    status: 403,
    description: 'A CORS preflight from an origin the policy does not allow; no CORS headers are sent.',
  },
  OS_ERR_CORS_METHOD_NOT_ALLOWED: {
    status: 403,
    description: 'A CORS preflight asking for a method outside `allowMethods`.',
  },
  OS_ERR_CORS_HEADERS_NOT_ALLOWED: {
    status: 403,
    description: 'A CORS preflight asking for request headers outside `allowHeaders`.',
  },
  OS_ERR_TIMEOUT_EXCEEDED: {
    status: 504,
    description: 'The handler did not answer within the `timeout()` limit (503 or 504, as configured).',
  },
  OS_ERR_CSRF_ORIGIN_REJECTED: {
    status: 403,
    description:
      'An unsafe request (POST, PUT, PATCH, DELETE, ...) sent cross-site: Sec-Fetch-Site or Origin names a site that is not trusted.',
  },
  OS_ERR_CSRF_TOKEN_MISSING: {
    status: 403,
    description:
      'An unsafe request without the CSRF token cookie, or without the token in the header or form field.',
  },
  OS_ERR_CSRF_TOKEN_INVALID: {
    status: 403,
    description:
      'The submitted CSRF token does not match the token cookie, or the cookie signature is invalid.',
  },
  OS_ERR_RATE_LIMIT_EXCEEDED: {
    status: 429,
    description:
      'The client used up its `rateLimit()` quota; `Retry-After`, `RateLimit` and `RateLimit-Policy` say when it refills.',
  },
  OS_ERR_IP_FILTER_DENIED: {
    status: 403,
    description: 'The client address is denied, not in the allow list of `ipFilter()`, or cannot be known.',
  },
  OS_ERR_STATIC_PATH_FORBIDDEN: {
    status: 403,
    description:
      '`serveStatic()` refused a path that leaves the root (`..`, encoded or not), a dotfile, or a symlink out of the root.',
  },
  OS_ERR_STATIC_BAD_PATH: {
    status: 400,
    description: '`serveStatic()` got a path with a NUL byte, a backslash or invalid percent-encoding.',
  },
  OS_ERR_STATIC_RANGE_NOT_SATISFIABLE: {
    status: 416,
    description: 'A `Range` request lies outside the file; `Content-Range: bytes */<size>` gives its length.',
  },
  OS_ERR_RATE_LIMIT_UNKNOWN_ADDRESS: {
    status: 500,
    description:
      '`rateLimit()` could not learn the client address (no `getConnInfo()` from the adapter, or a malformed forwarding header) and has neither a `key` for the request nor `onUnknownAddress`; the developer sees why in the log.',
  },
  OS_ERR_CORS_INVALID_OPTIONS: {
    description:
      "`cors()`: an unknown option, a value of the wrong kind, credentials with `'*'`, an origin with a path, invalid names, a negative `maxAge`.",
  },
  OS_ERR_REQUEST_ID_INVALID_OPTIONS: {
    description: '`requestId()`: an unknown option, a value of the wrong kind or an invalid header name.',
  },
  OS_ERR_BODY_LIMIT_INVALID_OPTIONS: {
    description: '`bodyLimit()`: an unknown option, or `maxSize` is not a whole number of bytes.',
  },
  OS_ERR_TIMEOUT_INVALID_OPTIONS: {
    description: '`timeout()`: an unknown option, `ms` not positive, a status other than 503/504.',
  },
  OS_ERR_CACHE_CONTROL_INVALID_DIRECTIVES: {
    description:
      '`toCacheControl()` / `cacheControl()`: contradictory, unknown or invalid directives or options.',
  },
  OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS: {
    description:
      '`securityHeaders()`: an unknown option, an unknown CSP directive, an unquoted CSP keyword (`self`), an invalid source, permission or HSTS age, a line break.',
  },
  OS_ERR_CSRF_INVALID_OPTIONS: {
    description:
      "`csrf()`: an unknown option, a value of the wrong kind, `origin: '*'` or an invalid origin.",
  },
  OS_ERR_TIMING_INVALID_OPTIONS: {
    description: '`timing()`: an unknown option, `digits` outside 0-6, an invalid `allowOrigin`.',
  },
  OS_ERR_COMPRESS_INVALID_OPTIONS: {
    description: '`compress()`: an unknown option, an unknown coding in `encodings`, a negative `threshold`.',
  },
  OS_ERR_RATE_LIMIT_INVALID_OPTIONS: {
    description:
      '`rateLimit()` / `MemoryStore`: an unknown option, or `limit`, `windowMs`, `algorithm`, `name`, `ipv6Subnet`, `maxKeys`, `onUnknownAddress` invalid.',
  },
  OS_ERR_IP_FILTER_INVALID_RULE: {
    description:
      '`ipFilter()`: an unknown option, an entry that is not an IPv4/IPv6 address or CIDR range, or no entries at all.',
  },
  OS_ERR_TRUST_PROXY_INVALID: {
    description:
      '`rateLimit()` / `ipFilter()`: `trustProxy` not `false`, a hop count or a list of valid ranges; an unknown `proxyHeader`.',
  },
  OS_ERR_STATIC_INVALID_OPTIONS: {
    description: '`serveStatic()`: an unknown option, no `root`, an unknown `dotfiles` value.',
  },
  OS_ERR_LOGGER_INVALID_OPTIONS: {
    description: '`logger()`: an unknown option or a value of the wrong kind.',
  },
  OS_ERR_ETAG_INVALID_OPTIONS: {
    description: '`etag()`: an unknown option or a value of the wrong kind.',
  },
}
