import { HttpError } from './http-error.ts'

// an authority holding any of these would rewrite the path or user-info of the URL built from it
const kUnsafeAuthority = /[/?#@\\\s]/
// hosts repeat from request to request: the last two valid ones (a Host header and the URL built
// from it may differ, e.g. by a default port) are answered without parsing
let lastValid = 'localhost'
let previousValid = ''

/**
 * Whether `text.slice(start, end)` is a `host[:port]` that `new URL()` accepts as the authority
 * of `http://<authority>/...`: no user-info, path, query or fragment can hide in it, a port is
 * numeric and at most 65535, an IPv6 literal is bracketed. A request whose Host header (or
 * absolute-form target) fails it has no URL: adapters answer it with {@link invalidHostError}
 * before the app runs, so `c.req.url` is always parseable. The check is one string comparison
 * when the host is the one seen last.
 *
 * @example
 * import { invalidHostError, isValidAuthority } from '@openspeed/core/adapter'
 * isValidAuthority('localhost:3000') // true
 * isValidAuthority('localhost:99999') // false
 * isValidAuthority('http://a:b/raw', 7, 10) // false: checks `a:b` without slicing first
 */
export function isValidAuthority(text: string, start = 0, end: number = text.length): boolean {
  const length = end - start
  if (length === lastValid.length && text.startsWith(lastValid, start)) return true
  if (length === previousValid.length && text.startsWith(previousValid, start)) return true
  const authority = start === 0 && end === text.length ? text : text.slice(start, end)
  if (authority === '' || kUnsafeAuthority.test(authority) || !URL.canParse(`http://${authority}/`)) {
    return false
  }
  previousValid = lastValid
  lastValid = authority
  return true
}

/**
 * The 400 problem (`OS_ERR_REQUEST_INVALID_HOST`) for a request that fails
 * {@link isValidAuthority}. The detail does not echo the client's header.
 *
 * @example
 * if (!isValidAuthority(host)) return toProblemResponse(invalidHostError()).toResponse()
 */
export function invalidHostError(): HttpError {
  return HttpError.fromCode('OS_ERR_REQUEST_INVALID_HOST', {
    detail: 'The Host header (or the authority of the request target) is not a valid host and port',
  })
}
