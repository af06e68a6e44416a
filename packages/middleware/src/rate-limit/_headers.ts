import type { RateLimitResult, RateLimitRule } from './store.ts'

// RateLimit header fields for HTTP, draft-ietf-httpapi-ratelimit-headers-11 (May 2026), §4-§5:
// both fields are Structured Field Lists (RFC 9651) whose items are the policy name as an sf-string,
// `RateLimit-Policy: "default";q=100;w=60` (quota, window in seconds) and
// `RateLimit: "default";r=42;t=30` (remaining quota, seconds until it resets).

/** The `RateLimit-Policy` value for a rule. */
export function policyHeader(name: string, rule: RateLimitRule): string {
  return `"${name}";q=${rule.limit};w=${Math.max(1, Math.ceil(rule.windowMs / 1000))}`
}

/** The `RateLimit` value for one result. */
export function statusHeader(name: string, result: RateLimitResult): string {
  return `"${name}";r=${result.remaining};t=${Math.ceil(result.resetMs / 1000)}`
}

/** `Retry-After` in whole seconds (RFC 9110 §10.2.3), at least 1. */
export function retryAfter(result: RateLimitResult): string {
  return `${Math.max(1, Math.ceil(result.retryAfterMs / 1000))}`
}
