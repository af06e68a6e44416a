import type { RateLimitResult, RateLimitRule } from './store.ts'

/**
 * The state of one key. The meaning of `a`/`b`/`c` depends on the algorithm (one shape for all keeps
 * the store's map monomorphic): fixed window: start, count; sliding window: window start, count in
 * it, count in the previous window; token bucket: tokens, last update.
 */
export interface Counter {
  a: number
  b: number
  c: number
  /** When the key is back to an empty state and can be dropped. */
  expiresAt: number
}

// float noise (300.00000000000006) must not add a whole millisecond
const ceil = (value: number): number => Math.ceil(value - 1e-9)

function result(allowed: boolean, remaining: number, resetMs: number, retryAfterMs: number): RateLimitResult {
  return { allowed, remaining: Math.max(0, Math.floor(remaining)), resetMs, retryAfterMs }
}

function fixedWindow(counter: Counter, rule: RateLimitRule, now: number): RateLimitResult {
  if (now >= counter.a + rule.windowMs) {
    counter.a = now
    counter.b = 0
  }
  const resetMs = counter.a + rule.windowMs - now
  counter.expiresAt = counter.a + rule.windowMs
  if (counter.b >= rule.limit) return result(false, 0, resetMs, resetMs)
  counter.b++
  return result(true, rule.limit - counter.b, resetMs, 0)
}

// The sliding-window counter: windows aligned to multiples of windowMs; the previous window's
// count weighs in proportionally to how much of it still overlaps the sliding window.
function slidingWindow(counter: Counter, rule: RateLimitRule, now: number): RateLimitResult {
  const window = rule.windowMs
  const start = now - (now % window)
  if (counter.a !== start) {
    counter.c = counter.a === start - window ? counter.b : 0
    counter.b = 0
    counter.a = start
  }
  const elapsed = now - start
  const previous = counter.c
  const estimate = (previous * (window - elapsed)) / window + counter.b
  counter.expiresAt = start + 2 * window
  if (estimate + 1 <= rule.limit) {
    counter.b++
    // what this window counts still weighs on the next one, until that one ends too
    return result(true, rule.limit - estimate - 1, 2 * window - elapsed, 0)
  }
  const resetMs = window - elapsed + (counter.b > 0 ? window : 0)
  let retryAfterMs: number
  if (counter.b + 1 <= rule.limit) {
    // wait until the previous window's share has decayed enough within this window
    retryAfterMs = ceil(window * (1 - (rule.limit - 1 - counter.b) / previous)) - elapsed
  } else {
    // this window is full on its own: wait into the next one, where this count decays
    retryAfterMs = window - elapsed + ceil(window * (1 - (rule.limit - 1) / counter.b))
  }
  return result(false, 0, resetMs, Math.max(1, retryAfterMs))
}

function tokenBucket(counter: Counter, rule: RateLimitRule, now: number): RateLimitResult {
  const rate = rule.limit / rule.windowMs
  let tokens = Math.min(rule.limit, counter.a + Math.max(0, now - counter.b) * rate)
  const allowed = tokens >= 1
  if (allowed) tokens -= 1
  counter.a = tokens
  counter.b = now
  const resetMs = ceil((rule.limit - tokens) / rate)
  counter.expiresAt = now + resetMs
  return result(allowed, tokens, resetMs, allowed ? 0 : ceil((1 - tokens) / rate))
}

/** A fresh counter for `rule` (what a key that was never seen, or has expired, starts from). */
export function createCounter(rule: RateLimitRule): Counter {
  return rule.algorithm === 'token-bucket'
    ? { a: rule.limit, b: 0, c: 0, expiresAt: 0 }
    : { a: Number.NEGATIVE_INFINITY, b: 0, c: 0, expiresAt: 0 }
}

/** Applies one request to `counter` (mutating it) and reports the quota. */
export function applyRequest(counter: Counter, rule: RateLimitRule, now: number): RateLimitResult {
  if (rule.algorithm === 'fixed-window') return fixedWindow(counter, rule, now)
  if (rule.algorithm === 'sliding-window') return slidingWindow(counter, rule, now)
  return tokenBucket(counter, rule, now)
}
