import { configError } from '../_errors.ts'
/**
 * `Permissions-Policy` features and their allow lists: `[]` disables a feature, `'self'` and `'*'`
 * are keywords, anything else is an origin.
 *
 * @example
 * const policy: PermissionsPolicy = { camera: [], geolocation: ['self', 'https://maps.example.com'] }
 */
export type PermissionsPolicy = Record<string, readonly string[]>

/**
 * `Strict-Transport-Security` settings.
 *
 * @example
 * const hsts: HstsOptions = { maxAge: 63072000, includeSubDomains: true, preload: true }
 */
export interface HstsOptions {
  /** Seconds browsers remember to use HTTPS only. Default one year. */
  maxAge?: number
  /** Default `true`. */
  includeSubDomains?: boolean
  /** Default `false`: only set it once the domain is submitted to the preload list. */
  preload?: boolean
}

/** The default `Permissions-Policy`: powerful features off unless the app turns them on. */
export const defaultPermissionsPolicy: Readonly<PermissionsPolicy> = {
  camera: [],
  geolocation: [],
  microphone: [],
  payment: [],
  usb: [],
}

const kFeature = /^[a-z][a-z0-9-]*$/
const kOrigin = /^[a-z][a-z0-9+.-]*:\/\/[^\s"(),;\\]+$/

export function serializePermissions(policy: PermissionsPolicy): string {
  const parts: string[] = []
  for (const [feature, allow] of Object.entries(policy)) {
    if (!kFeature.test(feature))
      throw configError(
        'OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS',
        `securityHeaders(): invalid permission ${JSON.stringify(feature)}`,
      )
    const members = allow.map((member) => {
      if (member === 'self' || member === '*') return member
      if (!kOrigin.test(member)) {
        throw configError(
          'OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS',
          `securityHeaders(): invalid origin ${JSON.stringify(member)} for ${feature}`,
        )
      }
      return `"${member}"`
    })
    parts.push(`${feature}=(${members.join(' ')})`)
  }
  return parts.join(', ')
}

export function serializeHsts(options: HstsOptions): string {
  const maxAge = options.maxAge ?? 31536000
  if (!Number.isInteger(maxAge) || maxAge < 0)
    throw configError(
      'OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS',
      'securityHeaders(): HSTS maxAge must be whole seconds',
    )
  let value = `max-age=${maxAge}`
  if (options.includeSubDomains !== false) value += '; includeSubDomains'
  if (options.preload === true) value += '; preload'
  return value
}
