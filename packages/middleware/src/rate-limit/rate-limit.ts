import { type Context, getConnInfo, type MiddlewareHandler, withDescription } from '@openspeed/core'
import { formatIp, parseIp } from '../_cidr.ts'
import { clientAddressSchema, createClientAddressReader } from '../_client-ip.ts'
import { checkMiddlewareOptions, configError, middlewareError } from '../_errors.ts'
import type { ClientAddressOptions } from '../client-address-options.ts'
import { MiddlewareError } from '../errors/middleware-error.ts'
import { policyHeader, retryAfter, statusHeader } from './_headers.ts'
import { MemoryStore } from './memory-store.ts'
import type { RateLimitAlgorithm, RateLimitRule, RateLimitStore } from './store.ts'

/**
 * Options for {@link rateLimit}.
 *
 * @example
 * const options: RateLimitOptions = { limit: 5, windowMs: 60_000, algorithm: 'sliding-window' }
 */
export interface RateLimitOptions extends ClientAddressOptions {
  /** Requests allowed per window (the bucket size for `token-bucket`). */
  limit: number
  /** The window in milliseconds (for `token-bucket`: the time to refill `limit` tokens). */
  windowMs: number
  /** `fixed-window` (default), `sliding-window` or `token-bucket`. */
  algorithm?: RateLimitAlgorithm
  /**
   * Who a request counts against: return a user id or API key. `undefined` (or no function) falls
   * back to the client IP address (IPv6 grouped by `ipv6Subnet`).
   */
  key?: (c: Context) => string | undefined | Promise<string | undefined>
  /** The policy name in the headers and the store key prefix. Default `default`. */
  name?: string
  /** Where counts live. Default: a {@link MemoryStore} owned by this middleware. */
  store?: RateLimitStore
  /** Send `RateLimit-Policy` and `RateLimit` on every response. Default `true`. */
  headers?: boolean
  /** Requests that are not counted at all (health checks, ...). */
  skip?: (c: Context) => boolean
  /** Prefix length IPv6 clients are grouped by, since one host usually owns a /64. Default 64. */
  ipv6Subnet?: number
  /**
   * What to do with a request whose client address the server does not report (no `key` for it,
   * and `getConnInfo(c)` has no address: `app.request()`, or a runtime served without its
   * OpenSpeed adapter). `'error'` (default): a 500 whose `OS_ERR_RATE_LIMIT_UNKNOWN_ADDRESS` error
   * says so in the log, so that one shared bucket never limits every client at once. `'shared'`:
   * count all such requests in one bucket, on purpose.
   */
  onUnknownAddress?: 'error' | 'shared'
}

const kInvalid = 'OS_ERR_RATE_LIMIT_INVALID_OPTIONS'
const kAlgorithms: readonly string[] = ['fixed-window', 'sliding-window', 'token-bucket']

function validate(options: RateLimitOptions): RateLimitRule {
  checkMiddlewareOptions('rateLimit()', kInvalid, options, {
    limit: { kind: 'number', required: true },
    windowMs: { kind: 'number', required: true },
    algorithm: 'string',
    key: 'function',
    name: 'string',
    store: 'object',
    headers: 'boolean',
    skip: 'function',
    ipv6Subnet: 'number',
    onUnknownAddress: { oneOf: ['error', 'shared'] },
    ...clientAddressSchema,
  })
  const { limit, windowMs } = options
  const algorithm = options.algorithm ?? 'fixed-window'
  if (!Number.isInteger(limit) || limit < 1)
    throw configError(kInvalid, 'rateLimit: limit must be an integer >= 1')
  if (!Number.isFinite(windowMs) || windowMs <= 0)
    throw configError(kInvalid, 'rateLimit: windowMs must be > 0')
  if (!kAlgorithms.includes(algorithm)) {
    throw configError(kInvalid, `rateLimit: algorithm must be one of ${kAlgorithms.join(', ')}`)
  }
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(options.name ?? 'default')) {
    throw configError(kInvalid, 'rateLimit: name must be 1-64 letters, digits, "_", "." or "-"')
  }
  const subnet = options.ipv6Subnet ?? 64
  if (!Number.isInteger(subnet) || subnet < 1 || subnet > 128) {
    throw configError(kInvalid, 'rateLimit: ipv6Subnet must be an integer from 1 to 128')
  }
  return { algorithm, limit, windowMs }
}

function unknownAddress(name: string): MiddlewareError {
  return new MiddlewareError(
    'OS_ERR_RATE_LIMIT_UNKNOWN_ADDRESS',
    `rateLimit() "${name}": the server reports no client address for this request (getConnInfo(c) is empty), so every client would share one bucket. Serve the app with its runtime's OpenSpeed adapter (which reports the address), give rateLimit a \`key\`, or set onUnknownAddress: 'shared' to share one bucket on purpose.`,
  )
}

/**
 * Limits how many requests a client makes: fixed window, sliding window or token bucket, keyed by
 * client IP (the TCP peer unless `trustProxy` is set; `X-Forwarded-For` is never believed by
 * default) or by your own key (user id, API key). Responses carry the IETF `RateLimit-Policy` and
 * `RateLimit` headers; a request over the limit gets 429 problem+json
 * (`OS_ERR_RATE_LIMIT_EXCEEDED`) with `Retry-After`. When the server reports no client address
 * (`getConnInfo`), a request fails with `OS_ERR_RATE_LIMIT_UNKNOWN_ADDRESS` (a logged 500) unless
 * `key` identifies it or `onUnknownAddress: 'shared'` says to share one bucket. Counting is atomic per request, so concurrent requests never exceed the limit.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { rateLimit } from '@openspeed/middleware/rate-limit'
 *
 * const app = new OpenSpeed()
 *   .use(rateLimit({ limit: 100, windowMs: 60_000, algorithm: 'sliding-window' }))
 *   .post('/login', rateLimit({ limit: 5, windowMs: 60_000, name: 'login' }), (c) => c.text('ok'))
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const rule = validate(options)
  const name = options.name ?? 'default'
  const store = options.store ?? new MemoryStore()
  const sendHeaders = options.headers ?? true
  const subnet = options.ipv6Subnet ?? 64
  const clientAddress = createClientAddressReader(options, 'rateLimit')
  const keyOf = options.key
  const skip = options.skip
  const policy = policyHeader(name, rule)
  const shareUnknown = options.onUnknownAddress === 'shared'
  const middleware: MiddlewareHandler = async function rateLimitMiddleware(c, next) {
    if (skip?.(c) === true) return next()
    const own = keyOf === undefined ? undefined : await keyOf(c)
    let key: string
    if (own !== undefined) key = `${name}:k:${own}`
    else {
      const address = clientAddress(c)
      if (address !== undefined) key = `${name}:ip:${formatIp(address, subnet)}`
      else if (shareUnknown || parseIp(getConnInfo(c).remote.address) !== undefined) {
        // a malformed forwarding header: what its senders send is theirs to share
        key = `${name}:ip:unknown`
      } else throw unknownAddress(name)
    }
    const result = await store.consume(key, rule)
    if (!result.allowed) {
      const headers: Record<string, string> = { 'retry-after': retryAfter(result) }
      if (sendHeaders) {
        headers['ratelimit-policy'] = policy
        headers.ratelimit = statusHeader(name, result)
      }
      throw middlewareError('OS_ERR_RATE_LIMIT_EXCEEDED', {
        detail: `Too many requests; retry in ${headers['retry-after']} s`,
        headers,
      })
    }
    if (sendHeaders) {
      c.header('ratelimit-policy', policy, { append: true })
      c.header('ratelimit', statusHeader(name, result), { append: true })
    }
    await next()
  }
  return withDescription(middleware, {
    responses: {
      429: {
        description: `Too many requests: over ${rule.limit} per ${rule.windowMs} ms`,
        headers: { 'retry-after': { description: 'Seconds to wait before retrying', required: true } },
      },
    },
  })
}
