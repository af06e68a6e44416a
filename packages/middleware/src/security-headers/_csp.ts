import { configError } from '../_errors.ts'
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

/** The default policy: same-origin everything, nonce-based scripts and styles, no plugins or framing. */
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

// CSP Level 3 and the directives browsers still honour; anything else is a typo that would
// silently weaken the policy (`scriptSource` instead of `scriptSrc`)
const kDirectives = new Set([
  'default-src',
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'style-src',
  'style-src-elem',
  'style-src-attr',
  'img-src',
  'font-src',
  'connect-src',
  'media-src',
  'object-src',
  'frame-src',
  'child-src',
  'worker-src',
  'manifest-src',
  'fenced-frame-src',
  'base-uri',
  'form-action',
  'frame-ancestors',
  'sandbox',
  'report-uri',
  'report-to',
  'upgrade-insecure-requests',
  'block-all-mixed-content',
  'require-trusted-types-for',
  'trusted-types',
  'webrtc',
])
// keywords only mean something quoted: an unquoted `self` is a host name called "self"
const kKeywords = new Set([
  'self',
  'none',
  'unsafe-inline',
  'unsafe-eval',
  'unsafe-hashes',
  'strict-dynamic',
  'report-sample',
  'wasm-unsafe-eval',
  'unsafe-allow-redirects',
  'inline-speculation-rules',
  'script',
])
const kUnquotedHashOrNonce = /^(?:nonce|sha256|sha384|sha512)-/
// a source can never end a directive (;), start another policy (,) or break the header line
const kUnsafeSource = /[;,\r\n\0]|\s/

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

/** The policy as text, with `cspNonce` markers still in it; throws on invalid names or sources. */
export function serializeCsp(options: CspOptions): string {
  const merged: Record<string, readonly string[] | boolean> =
    options.useDefaults === false ? {} : { ...defaultCspDirectives }
  for (const [name, value] of Object.entries(options.directives ?? {})) merged[kebab(name)] = value
  const parts: string[] = []
  for (const [name, value] of Object.entries(merged)) {
    if (!kDirectives.has(name))
      throw configError(
        'OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS',
        `securityHeaders(): unknown CSP directive ${JSON.stringify(name)}`,
      )
    if (value === false) continue
    if (value === true) {
      parts.push(name)
      continue
    }
    if (!Array.isArray(value))
      throw configError(
        'OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS',
        `securityHeaders(): CSP ${name} must be a list of sources, true or false`,
      )
    for (const source of value) {
      if (typeof source === 'string' && (kKeywords.has(source) || kUnquotedHashOrNonce.test(source))) {
        throw configError(
          'OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS',
          `securityHeaders(): CSP ${name} has the keyword ${source} unquoted; write "'${source}'"`,
        )
      }
      if (typeof source !== 'string' || source === '' || kUnsafeSource.test(source)) {
        throw configError(
          'OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS',
          `securityHeaders(): invalid source ${JSON.stringify(source)} in CSP ${name}`,
        )
      }
    }
    parts.push(value.length === 0 ? name : `${name} ${value.join(' ')}`)
  }
  return parts.join('; ')
}

/** 128 random bits, base64: the per-request nonce. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}
