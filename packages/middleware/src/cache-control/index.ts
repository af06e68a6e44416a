import type { MiddlewareHandler } from '@openspeed/core'
import { checkMiddlewareOptions, configError } from '../_errors.ts'
import { responseHeader, tokenPattern } from '../_response.ts'

/**
 * `Cache-Control` response directives (RFC 9111 §5.2.2, RFC 5861, RFC 8246), in camelCase. Ages
 * are in seconds.
 *
 * @example
 * const directives: CacheControlDirectives = { public: true, maxAge: 60, staleWhileRevalidate: 300 }
 */
export interface CacheControlDirectives {
  public?: boolean
  /** `true`, or the header names only the client may cache. */
  private?: boolean | readonly string[]
  /** `true`, or the header names that must be revalidated. */
  noCache?: boolean | readonly string[]
  noStore?: boolean
  maxAge?: number
  sMaxage?: number
  mustRevalidate?: boolean
  proxyRevalidate?: boolean
  mustUnderstand?: boolean
  noTransform?: boolean
  immutable?: boolean
  staleWhileRevalidate?: number
  staleIfError?: number
}

const kNames: Record<keyof CacheControlDirectives, string> = {
  public: 'public',
  private: 'private',
  noCache: 'no-cache',
  noStore: 'no-store',
  maxAge: 'max-age',
  sMaxage: 's-maxage',
  mustRevalidate: 'must-revalidate',
  proxyRevalidate: 'proxy-revalidate',
  mustUnderstand: 'must-understand',
  noTransform: 'no-transform',
  immutable: 'immutable',
  staleWhileRevalidate: 'stale-while-revalidate',
  staleIfError: 'stale-if-error',
}

function invalid(message: string): never {
  throw configError('OS_ERR_CACHE_CONTROL_INVALID_DIRECTIVES', `Cache-Control: ${message}`)
}

function directive(key: keyof CacheControlDirectives, value: unknown): string | undefined {
  const name = kNames[key]
  if (name === undefined) invalid(`unknown directive ${JSON.stringify(key)}`)
  if (value === undefined || value === false) return undefined
  if (value === true) {
    if (kNumeric[key] === true) invalid(`${key} needs a number of seconds`)
    return name
  }
  if (typeof value === 'number') {
    if (kNumeric[key] !== true) invalid(`${key} is not an age`)
    if (!Number.isInteger(value) || value < 0 || value > 2147483647)
      invalid(`${key} must be whole seconds >= 0`)
    return `${name}=${value}`
  }
  if (Array.isArray(value) && (key === 'private' || key === 'noCache')) {
    for (const field of value)
      if (!tokenPattern.test(field)) invalid(`${key} lists an invalid header ${field}`)
    return value.length === 0 ? name : `${name}="${value.join(', ')}"`
  }
  return invalid(`${key} has an invalid value`)
}

const kNumeric: Partial<Record<keyof CacheControlDirectives, boolean>> = {
  maxAge: true,
  sMaxage: true,
  staleWhileRevalidate: true,
  staleIfError: true,
}

/**
 * Builds a `Cache-Control` value from typed directives, refusing contradictions (`public` with
 * `private`, `no-store` with ages) and invalid values.
 *
 * @example
 * import { toCacheControl } from '@openspeed/middleware/cache-control'
 * toCacheControl({ public: true, maxAge: 3600, immutable: true }) // 'public, max-age=3600, immutable'
 */
export function toCacheControl(directives: CacheControlDirectives): string {
  if (directives.public && directives.private) invalid('public and private contradict each other')
  if (directives.noStore && (directives.maxAge !== undefined || directives.sMaxage !== undefined)) {
    invalid('no-store with an age makes no sense')
  }
  const parts: string[] = []
  for (const key of Object.keys(directives) as (keyof CacheControlDirectives)[]) {
    const part = directive(key, directives[key])
    if (part !== undefined) parts.push(part)
  }
  if (parts.length === 0) invalid('no directive given')
  return parts.join(', ')
}

/**
 * Options for {@link cacheControl}.
 *
 * @example
 * cacheControl({ public: true, maxAge: 60 }, { override: true })
 */
export interface CacheControlOptions {
  /** Replace a `Cache-Control` the handler set itself. Default `false`. */
  override?: boolean
}

/**
 * Sets `Cache-Control` on successful (2xx and 304) GET and HEAD responses. The header string is built and
 * validated once, when the middleware is created.
 *
 * @example
 * import { cacheControl } from '@openspeed/middleware/cache-control'
 * app.use('/assets/*', cacheControl({ public: true, maxAge: 31536000, immutable: true }))
 * app.use('/api/*', cacheControl({ noStore: true }))
 */
export function cacheControl(
  directives: CacheControlDirectives,
  options: CacheControlOptions = {},
): MiddlewareHandler {
  checkMiddlewareOptions('cacheControl()', 'OS_ERR_CACHE_CONTROL_INVALID_DIRECTIVES', options, {
    override: 'boolean',
  })
  const value = toCacheControl(directives)
  const override = options.override === true
  return async function cacheControlMiddleware(c, next) {
    await next()
    const res = c.res
    if (res === undefined || ((res.status < 200 || res.status > 299) && res.status !== 304)) return
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return
    if (override || responseHeader(c, 'cache-control') === undefined) c.header('cache-control', value)
  }
}
