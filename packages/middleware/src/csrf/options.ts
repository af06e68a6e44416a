import type { CookieOptions } from '@openspeed/core'

/**
 * Options for the double-submit token mode of `csrf()`.
 *
 * @example
 * csrf({ token: { secret: process.env.CSRF_SECRET, field: 'csrf_token' } })
 */
export interface CsrfTokenOptions {
  /** Cookie holding the token. Default `__Host-csrf` (HTTPS only, this host only, path `/`). */
  cookie?: string
  /** Cookie attributes. Default `{ path: '/', secure: true, httpOnly: true, sameSite: 'Strict' }`. */
  cookieOptions?: CookieOptions
  /** Request header carrying the token (for `fetch`). Default `x-csrf-token`. */
  header?: string
  /** Form field carrying the token (for HTML forms). Default `_csrf`. */
  field?: string
  /**
   * Signs the cookie with HMAC-SHA256 (Web Crypto), so a cookie planted by a sibling subdomain is
   * refused. Without it the cookie holds a random token for the browser session.
   */
  secret?: string | CryptoKey
}
