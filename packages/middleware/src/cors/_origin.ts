import type { Context } from '@openspeed/core'
import { configError } from '../_errors.ts'
import type { CorsOrigin } from './options.ts'

/** Decides whether one `Origin` header value is allowed. */
export type OriginCheck = (origin: string, c: Context) => boolean | Promise<boolean>

const kOriginPattern = /^[a-z][a-z0-9+.-]*:\/\/(?:\*\.)?[a-z0-9.-]+(?::\d{1,5})?$/
const kLabels = '[a-z0-9-]+(?:\\.[a-z0-9-]+)*'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// anchored on both ends so that a pattern can never match a prefix of a longer, hostile origin
// such as https://app.example.com.attacker.test
function anchored(pattern: RegExp): RegExp {
  return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''))
}

function fromString(origin: string, area: 'cors' | 'csrf'): string | RegExp {
  const normalised = origin.toLowerCase()
  if (!kOriginPattern.test(normalised)) {
    throw configError(
      area === 'cors' ? 'OS_ERR_CORS_INVALID_OPTIONS' : 'OS_ERR_CSRF_INVALID_OPTIONS',
      `${area}(): ${JSON.stringify(origin)} is not an origin (scheme://host[:port], no path or trailing slash)`,
    )
  }
  if (!normalised.includes('*')) return normalised
  const [scheme, rest] = normalised.split('://*.') as [string, string]
  return new RegExp(`^${escapeRegExp(scheme)}://${kLabels}\\.${escapeRegExp(rest)}$`)
}

/** Compiles the `origin` option of `cors()` or `csrf()` into one check (or `'*'`). */
export function toOriginCheck(origin: CorsOrigin, area: 'cors' | 'csrf'): OriginCheck | '*' {
  if (origin === '*') return '*'
  if (typeof origin === 'function') return origin
  const entries = (typeof origin === 'string' || origin instanceof RegExp ? [origin] : origin).map((entry) =>
    typeof entry === 'string' ? fromString(entry, area) : anchored(entry),
  )
  const exact = new Set(entries.filter((entry): entry is string => typeof entry === 'string'))
  const patterns = entries.filter((entry): entry is RegExp => entry instanceof RegExp)
  return (value) => exact.has(value) || patterns.some((pattern) => pattern.test(value))
}
