/**
 * How requests are counted against a quota.
 *
 * @example
 * const algorithm: RateLimitAlgorithm = 'token-bucket'
 */
export type RateLimitAlgorithm = 'fixed-window' | 'sliding-window' | 'token-bucket'

/**
 * One quota: `limit` requests per `windowMs`. With `token-bucket`, `limit` is the bucket size and
 * the bucket refills continuously at `limit` tokens per `windowMs`.
 *
 * @example
 * const rule: RateLimitRule = { algorithm: 'sliding-window', limit: 100, windowMs: 60_000 }
 */
export interface RateLimitRule {
  readonly algorithm: RateLimitAlgorithm
  readonly limit: number
  readonly windowMs: number
}

/**
 * What a store answers for one request.
 *
 * @example
 * const result = await store.consume('api:203.0.113.9', rule)
 * if (!result.allowed) console.log(`retry in ${result.retryAfterMs} ms`)
 */
export interface RateLimitResult {
  /** Whether the request fits the quota; only allowed requests are counted. */
  readonly allowed: boolean
  /** Requests left in the quota after this one. */
  readonly remaining: number
  /** Milliseconds until the whole quota is available again. */
  readonly resetMs: number
  /** Milliseconds until a request would be allowed again (0 when this one was). */
  readonly retryAfterMs: number
}

/**
 * Where rate-limit state lives. `consume` must be atomic per call: check the quota and count the
 * request in one step, so concurrent requests can never both take the last slot. The in-memory
 * {@link MemoryStore} is synchronous; a Redis store does the same in one Lua script (`EVALSHA` with
 * the key, algorithm, limit and window, reading the clock with `TIME`), keeping a counter (fixed),
 * two counters (sliding) or `tokens` + `updated` (bucket) in one hash with `PEXPIRE`.
 *
 * @example
 * const store: RateLimitStore = {
 *   async consume(key, rule) {
 *     const [allowed, remaining, resetMs, retryAfterMs] = await redis.evalsha(sha, 1, key, rule.algorithm, rule.limit, rule.windowMs)
 *     return { allowed: allowed === 1, remaining, resetMs, retryAfterMs }
 *   },
 * }
 */
export interface RateLimitStore {
  /** Counts one request for `key` under `rule`, if it fits, and reports the quota. */
  consume(key: string, rule: RateLimitRule): RateLimitResult | Promise<RateLimitResult>
  /** Forgets `key` (e.g. after a successful login). */
  reset?(key: string): void | Promise<void>
}
