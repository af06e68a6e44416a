/**
 * Put this in a CSP source list and each request gets `'nonce-<random>'` there; handlers read the
 * nonce from `c.get('cspNonce')` for their `<script nonce>` and `<style nonce>` tags.
 *
 * @example
 * securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", cspNonce] } } })
 */
export const cspNonce = "'nonce'"

/**
 * CSP directives by name (`script-src` or `scriptSrc`): a source list, `true` for a directive
 * without value (`upgrade-insecure-requests`), or `false` to drop one of the defaults.
 *
 * @example
 * const directives: CspDirectives = { imgSrc: ["'self'", 'https://images.example.com'], upgradeInsecureRequests: false }
 */
export type CspDirectives = Record<string, readonly string[] | boolean>

/**
 * Options for the `Content-Security-Policy` header.
 *
 * @example
 * const csp: CspOptions = { directives: { connectSrc: ["'self'", 'https://api.example.com'] }, reportOnly: true }
 */
export interface CspOptions {
  /** Merged over the defaults (or used alone with `useDefaults: false`). */
  directives?: CspDirectives
  /** Start from the defaults. Default `true`. */
  useDefaults?: boolean
  /** Send `Content-Security-Policy-Report-Only` instead, to try a policy without enforcing it. */
  reportOnly?: boolean
}

/**
 * The default policy: same-origin everything, nonce-based scripts and styles, no plugins or framing.
 *
 * @example
 * securityHeaders({ contentSecurityPolicy: { directives: { ...defaultCspDirectives, 'img-src': ["'self'", 'https://images.example.com'] }, useDefaults: false } })
 */
export const defaultCspDirectives: Readonly<CspDirectives> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'font-src': ["'self'", 'https:', 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'", cspNonce],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", cspNonce],
  'upgrade-insecure-requests': true,
}
