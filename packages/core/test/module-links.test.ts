import { readdirSync, readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

const src = new URL('../src/', import.meta.url)
const files = readdirSync(src).filter((name) => name.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(name))

// runtime imports only: `import type` and `export type` vanish from the built code
function runtimeImports(file: string): string[] {
  const text = readFileSync(new URL(file, src), 'utf8')
  const found: string[] = []
  for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'\.\/([^']+)'/gms)) {
    found.push(match[1]!)
  }
  return found
}

/** The files reachable from `start` through runtime imports. */
function reachable(start: string): Set<string> {
  const seen = new Set<string>()
  const queue = runtimeImports(start)
  while (queue.length > 0) {
    const file = queue.pop()!
    if (seen.has(file) || !files.includes(file)) continue
    seen.add(file)
    queue.push(...runtimeImports(file))
  }
  return seen
}

const linked = ['conn-info.ts', 'request.ts', 'request-source.ts', 'adapter.ts', 'last-resort.ts']

it.each(linked)('%s is in no runtime import cycle', (file) => {
  expect(reachable(file).has(file)).toBe(false)
})

it.each(linked)('%s exports no binding that another module fills in', (file) => {
  // an `export let` set from a `static {}` block is an import cycle in disguise
  expect(readFileSync(new URL(file, src), 'utf8')).not.toMatch(/^export let /m)
})
