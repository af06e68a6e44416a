import { describe, expect, it } from 'vitest'
import { applyRequest, createCounter } from './_algorithms.ts'
import type { RateLimitAlgorithm, RateLimitResult } from './store.ts'

function run(algorithm: RateLimitAlgorithm, limit: number, windowMs: number) {
  const rule = { algorithm, limit, windowMs }
  const counter = createCounter(rule)
  return (now: number): RateLimitResult => applyRequest(counter, rule, now)
}

describe('fixed window', () => {
  it('allows limit requests per window from the first hit, then refuses until it ends', () => {
    const hit = run('fixed-window', 3, 1000)
    expect(hit(5000)).toEqual({ allowed: true, remaining: 2, resetMs: 1000, retryAfterMs: 0 })
    expect(hit(5100).remaining).toBe(1)
    expect(hit(5200)).toMatchObject({ allowed: true, remaining: 0, resetMs: 800 })
    expect(hit(5900)).toEqual({ allowed: false, remaining: 0, resetMs: 100, retryAfterMs: 100 })
    expect(hit(6000)).toEqual({ allowed: true, remaining: 2, resetMs: 1000, retryAfterMs: 0 })
  })
})

describe('sliding window', () => {
  it('weighs the previous window by its remaining overlap', () => {
    const hit = run('sliding-window', 10, 1000)
    for (let i = 0; i < 10; i++) expect(hit(1000 + i).allowed).toBe(true)
    // same window, full on its own: wait into the next window until 10 * (1 - s) <= 9, s = 100 ms
    expect(hit(1500)).toEqual({ allowed: false, remaining: 0, resetMs: 1500, retryAfterMs: 600 })
    // next window at 25%: estimate = 10 * 0.75 = 7.5, so 2 more fit (9.5), the third does not
    expect(hit(2250)).toMatchObject({ allowed: true, remaining: 1 })
    expect(hit(2250)).toMatchObject({ allowed: true, remaining: 0 })
    const refused = hit(2250)
    expect(refused.allowed).toBe(false)
    // 10 * (1 - t) + 2 + 1 <= 10  =>  t >= 0.3, i.e. at 2300: 50 ms from now
    expect(refused.retryAfterMs).toBe(50)
    expect(hit(2300).allowed).toBe(true)
    // two windows later nothing of the old count remains
    expect(hit(4000)).toMatchObject({ allowed: true, remaining: 9 })
  })
})

describe('token bucket', () => {
  it('allows a burst of limit, then refills continuously', () => {
    const hit = run('token-bucket', 4, 1000)
    for (let i = 0; i < 4; i++) expect(hit(10_000).allowed).toBe(true)
    expect(hit(10_000)).toEqual({ allowed: false, remaining: 0, resetMs: 1000, retryAfterMs: 250 })
    expect(hit(10_250)).toMatchObject({ allowed: true, remaining: 0 })
    expect(hit(10_400).allowed).toBe(false)
    expect(hit(12_000)).toMatchObject({ allowed: true, remaining: 3, resetMs: 250 })
  })
})
