import type { MiddlewareHandler, OptionRule, OptionsSchema } from '@openspeed/core'
import { checkMiddlewareOptions, configError } from '../_errors.ts'
import { createNonce, serializeCsp } from './_csp.ts'
import { serializeHsts, serializePermissions } from './_headers.ts'
import { type CspOptions, cspNonce } from './csp.ts'
import { defaultPermissionsPolicy, type HstsOptions, type PermissionsPolicy } from './header-options.ts'

export { type CspDirectives, type CspOptions, cspNonce, defaultCspDirectives } from './csp.ts'
export { defaultPermissionsPolicy, type HstsOptions, type PermissionsPolicy } from './header-options.ts'

/**
 * Options for {@link securityHeaders}: every header has a secure default; give a value to
 * change it, or `false` to leave the header out.
 *
 * @example
 * securityHeaders({ xFrameOptions: 'SAMEORIGIN', crossOriginEmbedderPolicy: 'require-corp', strictTransportSecurity: false })
 */
export interface SecurityHeadersOptions {
  /** Default: see `defaultCspDirectives` (nonce-based scripts and styles, `frame-ancestors 'none'`). */
  contentSecurityPolicy?: CspOptions | false
  /** Default `max-age=31536000; includeSubDomains`. */
  strictTransportSecurity?: HstsOptions | string | false
  /** Default `nosniff`. */
  xContentTypeOptions?: 'nosniff' | false
  /** Legacy framing protection for old browsers (CSP `frame-ancestors` is the modern one). Default `DENY`. */
  xFrameOptions?: 'DENY' | 'SAMEORIGIN' | false
  /** Default `strict-origin-when-cross-origin`. */
  referrerPolicy?: string | false
  /** Default `same-origin`. */
  crossOriginOpenerPolicy?:
    | 'same-origin'
    | 'same-origin-allow-popups'
    | 'noopener-allow-popups'
    | 'unsafe-none'
    | false
  /** Default `same-origin`. */
  crossOriginResourcePolicy?: 'same-origin' | 'same-site' | 'cross-origin' | false
  /** Off by default (it blocks cross-origin resources without CORP/CORS); `require-corp` or `credentialless`. */
  crossOriginEmbedderPolicy?: 'require-corp' | 'credentialless' | 'unsafe-none' | false
  /** Default: camera, geolocation, microphone, payment and usb disabled. */
  permissionsPolicy?: PermissionsPolicy | string | false
  /** Default `?1`. */
  originAgentCluster?: '?1' | false
  /** Default `off`. */
  xDnsPrefetchControl?: 'on' | 'off' | false
  /** Default `none`. */
  xPermittedCrossDomainPolicies?: 'none' | 'master-only' | 'by-content-type' | 'all' | false
  /** Default `0`: the old XSS auditors caused more harm than good (OWASP). */
  xXssProtection?: '0' | false
}

/**
 * The context variables `securityHeaders()` sets.
 *
 * @example
 * const app = new OpenSpeed<{ Variables: SecurityHeadersVariables }>().use(securityHeaders())
 */
export interface SecurityHeadersVariables {
  /** This request's CSP nonce (when the policy uses `cspNonce`). */
  cspNonce: string
}

const off = (...values: string[]): OptionRule => ({ kind: 'false', oneOf: values })
const kSchema: OptionsSchema = {
  contentSecurityPolicy: {
    kind: ['false', 'object'],
    shape: { directives: 'object', useDefaults: 'boolean', reportOnly: 'boolean' },
  },
  strictTransportSecurity: {
    kind: ['false', 'string', 'object'],
    shape: { maxAge: 'number', includeSubDomains: 'boolean', preload: 'boolean' },
  },
  xContentTypeOptions: off('nosniff'),
  xFrameOptions: off('DENY', 'SAMEORIGIN'),
  referrerPolicy: ['false', 'string'],
  crossOriginOpenerPolicy: off(
    'same-origin',
    'same-origin-allow-popups',
    'noopener-allow-popups',
    'unsafe-none',
  ),
  crossOriginResourcePolicy: off('same-origin', 'same-site', 'cross-origin'),
  crossOriginEmbedderPolicy: off('require-corp', 'credentialless', 'unsafe-none'),
  permissionsPolicy: ['false', 'string', 'object'],
  originAgentCluster: off('?1'),
  xDnsPrefetchControl: off('on', 'off'),
  xPermittedCrossDomainPolicies: off('none', 'master-only', 'by-content-type', 'all'),
  xXssProtection: off('0'),
}

function fixed(options: SecurityHeadersOptions): [string, string][] {
  const pick = <T>(value: T | false | undefined, fallback: T): T | undefined =>
    value === false ? undefined : (value ?? fallback)
  const hsts = options.strictTransportSecurity
  const permissions = options.permissionsPolicy
  const entries: [string, string | undefined][] = [
    [
      'strict-transport-security',
      hsts === false ? undefined : typeof hsts === 'string' ? hsts : serializeHsts(hsts ?? {}),
    ],
    ['x-content-type-options', pick(options.xContentTypeOptions, 'nosniff')],
    ['x-frame-options', pick(options.xFrameOptions, 'DENY')],
    ['referrer-policy', pick(options.referrerPolicy, 'strict-origin-when-cross-origin')],
    ['cross-origin-opener-policy', pick(options.crossOriginOpenerPolicy, 'same-origin')],
    ['cross-origin-resource-policy', pick(options.crossOriginResourcePolicy, 'same-origin')],
    ['cross-origin-embedder-policy', options.crossOriginEmbedderPolicy || undefined],
    [
      'permissions-policy',
      permissions === false
        ? undefined
        : typeof permissions === 'string'
          ? permissions
          : serializePermissions(permissions ?? defaultPermissionsPolicy),
    ],
    ['origin-agent-cluster', pick(options.originAgentCluster, '?1')],
    ['x-dns-prefetch-control', pick(options.xDnsPrefetchControl, 'off')],
    ['x-permitted-cross-domain-policies', pick(options.xPermittedCrossDomainPolicies, 'none')],
    ['x-xss-protection', pick(options.xXssProtection, '0')],
  ]
  const result: [string, string][] = []
  for (const [name, value] of entries) {
    if (value === undefined) continue
    if (/[\r\n\0]/.test(value))
      throw configError(
        'OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS',
        `securityHeaders(): ${name} contains a line break`,
      )
    result.push([name, value])
  }
  return result
}

/**
 * Sets the OWASP-recommended security headers on every response, error responses included:
 * Content-Security-Policy with a fresh nonce per request (`c.get('cspNonce')`), HSTS,
 * X-Content-Type-Options, Referrer-Policy, Cross-Origin-Opener/Resource-Policy,
 * Permissions-Policy, X-Frame-Options and a few legacy hardening headers. A handler that sets one
 * of these headers itself keeps its own value.
 *
 * @example
 * import { securityHeaders } from '@openspeed/middleware/security-headers'
 * app.use(securityHeaders())
 * app.get('/', (c) => c.html(`<script nonce="${c.get('cspNonce')}">start()</script>`))
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler {
  checkMiddlewareOptions('securityHeaders()', 'OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS', options, kSchema)
  const headers = fixed(options)
  const csp = options.contentSecurityPolicy
  const cspName =
    csp !== false && csp?.reportOnly ? 'content-security-policy-report-only' : 'content-security-policy'
  // split once around the nonce marker so each request only joins strings
  const cspParts = csp === false ? null : serializeCsp(csp ?? {}).split(cspNonce)
  return function securityHeadersMiddleware(c, next) {
    for (const [name, value] of headers) c.header(name, value)
    if (cspParts !== null) {
      if (cspParts.length === 1) {
        c.header(cspName, cspParts[0]!)
      } else {
        const nonce = createNonce()
        c.set('cspNonce', nonce)
        c.header(cspName, cspParts.join(`'nonce-${nonce}'`))
      }
    }
    return next()
  }
}
