import { configError } from '../_errors.ts'
import type { HstsOptions, PermissionsPolicy } from './header-options.ts'

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
