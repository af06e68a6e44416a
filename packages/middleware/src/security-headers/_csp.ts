import { configError } from '../_errors.ts'
import { type CspOptions, defaultCspDirectives } from './csp.ts'

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
