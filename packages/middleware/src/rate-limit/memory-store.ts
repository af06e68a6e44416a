import { checkMiddlewareOptions, configError } from '../_errors.ts'
import { applyRequest, type Counter, createCounter } from './_algorithms.ts'
import type { RateLimitResult, RateLimitRule, RateLimitStore } from './store.ts'

/**
 * Options for {@link MemoryStore}.
 *
 * @example
 * const store = new MemoryStore({ maxKeys: 50_000, sweepIntervalMs: 30_000 })
 */
export interface MemoryStoreOptions {
  /** Most keys kept; past it the least recently used key is dropped. Default 10 000. */
  maxKeys?: number
  /** How often expired keys are swept. Default 60 000 ms. */
  sweepIntervalMs?: number
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number
}

const kInvalid = 'OS_ERR_RATE_LIMIT_INVALID_OPTIONS'

interface Timer {
  unref?(): void
}

/**
 * The in-process rate-limit store: one map, bounded to `maxKeys` (least recently used dropped
 * first), with expired keys swept on a timer that does not keep the process alive (`unref`) and
 * only runs while the store holds keys. Each `consume` is synchronous, hence atomic. Use a shared
 * store (Redis) when the app runs as more than one process.
 *
 * @example
 * import { MemoryStore, rateLimit } from '@openspeed/middleware/rate-limit'
 *
 * const store = new MemoryStore({ maxKeys: 100_000 })
 * app.use(rateLimit({ limit: 100, windowMs: 60_000, store }))
 * app.addHook('onClose', () => store.close())
 */
export class MemoryStore implements RateLimitStore {
  readonly #counters = new Map<string, Counter>()
  readonly #maxKeys: number
  readonly #sweepIntervalMs: number
  readonly #now: () => number
  #timer: ReturnType<typeof setInterval> | undefined

  constructor(options: MemoryStoreOptions = {}) {
    checkMiddlewareOptions('new MemoryStore()', kInvalid, options, {
      maxKeys: 'number',
      sweepIntervalMs: 'number',
      now: 'function',
    })
    this.#maxKeys = options.maxKeys ?? 10_000
    this.#sweepIntervalMs = options.sweepIntervalMs ?? 60_000
    this.#now = options.now ?? Date.now
    if (!Number.isInteger(this.#maxKeys) || this.#maxKeys < 1) {
      throw configError(kInvalid, 'MemoryStore: maxKeys must be a positive integer')
    }
    if (!(this.#sweepIntervalMs > 0))
      throw configError(kInvalid, 'MemoryStore: sweepIntervalMs must be positive')
  }

  /** Counts one request for `key` if it fits the rule's quota. */
  consume(key: string, rule: RateLimitRule): RateLimitResult {
    const now = this.#now()
    const counters = this.#counters
    let counter = counters.get(key)
    if (counter === undefined || counter.expiresAt <= now) {
      counter = createCounter(rule)
    } else {
      // re-inserting moves the key to the end: the map's order is least recently used first
      counters.delete(key)
    }
    const outcome = applyRequest(counter, rule, now)
    counters.set(key, counter)
    if (counters.size > this.#maxKeys) counters.delete(counters.keys().next().value!)
    this.#schedule()
    return outcome
  }

  /** Forgets `key`. */
  reset(key: string): void {
    this.#counters.delete(key)
  }

  /** Keys currently held. */
  get size(): number {
    return this.#counters.size
  }

  /** Drops every expired key now; returns how many were dropped. */
  sweep(): number {
    const now = this.#now()
    let dropped = 0
    for (const [key, counter] of this.#counters) {
      if (counter.expiresAt <= now) {
        this.#counters.delete(key)
        dropped++
      }
    }
    if (this.#counters.size === 0) this.#stop()
    return dropped
  }

  /** Stops the sweep timer and forgets every key. */
  close(): void {
    this.#stop()
    this.#counters.clear()
  }

  #schedule(): void {
    if (this.#timer !== undefined) return
    const timer = setInterval(() => this.sweep(), this.#sweepIntervalMs)
    // Node and Bun return an object with unref(); Deno a number, unref'd through Deno.unrefTimer
    if (typeof timer === 'object') (timer as Timer).unref?.()
    else (globalThis as { Deno?: { unrefTimer?(id: number): void } }).Deno?.unrefTimer?.(timer as number)
    this.#timer = timer
  }

  #stop(): void {
    if (this.#timer === undefined) return
    clearInterval(this.#timer)
    this.#timer = undefined
  }
}
