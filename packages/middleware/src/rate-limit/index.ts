export type { ClientAddressOptions, TrustProxy } from '../client-address-options.ts'
export { MemoryStore, type MemoryStoreOptions } from './memory-store.ts'
export { type RateLimitOptions, rateLimit } from './rate-limit.ts'
export type { RateLimitAlgorithm, RateLimitResult, RateLimitRule, RateLimitStore } from './store.ts'
