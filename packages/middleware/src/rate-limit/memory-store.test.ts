import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { node24Binary } from '../_runtimes.case.ts'
import { MemoryStore } from './memory-store.ts'

const memoryStoreUrl = new URL('./memory-store.ts', import.meta.url).href

const rule = { algorithm: 'fixed-window', limit: 2, windowMs: 1000 } as const

afterEach(() => {
  vi.useRealTimers()
})

describe('MemoryStore', () => {
  it('counts per key and starts over once a key expires', () => {
    let now = 0
    const store = new MemoryStore({ now: () => now })
    expect(store.consume('a', rule).allowed).toBe(true)
    expect(store.consume('a', rule).allowed).toBe(true)
    expect(store.consume('a', rule).allowed).toBe(false)
    expect(store.consume('b', rule).allowed).toBe(true)
    now = 1000
    expect(store.consume('a', rule)).toMatchObject({ allowed: true, remaining: 1 })
    store.reset('a')
    expect(store.consume('a', rule).remaining).toBe(1)
    store.close()
  })

  it('stays bounded, dropping the least recently used key', () => {
    const store = new MemoryStore({ maxKeys: 2, now: () => 0 })
    store.consume('a', rule)
    store.consume('b', rule)
    store.consume('a', rule)
    store.consume('c', rule)
    expect(store.size).toBe(2)
    // `b` was dropped (least recently used), `a` kept its count
    expect(store.consume('a', rule).allowed).toBe(false)
    expect(store.consume('b', rule).remaining).toBe(1)
    store.close()
  })

  it('sweeps expired keys on an unref-ed timer that stops when empty', () => {
    vi.useFakeTimers()
    let now = 0
    const store = new MemoryStore({ sweepIntervalMs: 5000, now: () => now })
    store.consume('a', rule)
    now = 500
    store.consume('b', { ...rule, windowMs: 60_000 })
    expect(vi.getTimerCount()).toBe(1)
    now = 2000
    vi.advanceTimersByTime(5000)
    expect(store.size).toBe(1)
    now = 70_000
    expect(store.sweep()).toBe(1)
    expect(vi.getTimerCount()).toBe(0)
    store.consume('c', rule)
    expect(vi.getTimerCount()).toBe(1)
    store.close()
    expect(vi.getTimerCount()).toBe(0)
    expect(store.size).toBe(0)
  })

  it('does not keep the process alive', () => {
    // a process holding a store with live keys (so a sweep timer) still exits on its own
    const script = `import { MemoryStore } from ${JSON.stringify(memoryStoreUrl)}
      const store = new MemoryStore({ sweepIntervalMs: 100 })
      store.consume('a', { algorithm: 'fixed-window', limit: 1, windowMs: 60000 })
      console.log(store.size)`
    const child = spawnSync(
      node24Binary(),
      ['--conditions=@openspeed/source', '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
        timeout: 15_000,
      },
    )
    expect(child.stderr).toBe('')
    expect(child.stdout.trim()).toBe('1')
    expect(child.status).toBe(0)
  })

  it('refuses bad options', () => {
    expect(() => new MemoryStore({ maxKeys: 0 })).toThrow(
      expect.objectContaining({ code: 'OS_ERR_RATE_LIMIT_INVALID_OPTIONS' }),
    )
    expect(() => new MemoryStore({ sweepIntervalMs: -1 })).toThrow(
      expect.objectContaining({ name: 'MiddlewareError' }),
    )
  })
})
