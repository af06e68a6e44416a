import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Miniflare } from 'miniflare'
import { afterAll, expect, it } from 'vitest'
import { bundleWorker, startWorker } from './_workerd.ts'

const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url))
let miniflare: Miniflare | undefined

afterAll(async () => {
  await miniflare?.dispose()
})

it('runs a worker built from dist/ on workerd', async () => {
  if (!existsSync(distEntry)) {
    throw new Error(
      `${distEntry} is missing: run \`pnpm --filter @openspeed/adapters-cloudflare build\` first`,
    )
  }
  const dist = await import(distEntry)
  expect(Object.keys(dist).sort()).toEqual(['handle', 'serveAssets', 'toWorker'])
  const script = await bundleWorker(fileURLToPath(new URL('./fixtures/dist-worker.ts', import.meta.url)))
  const started = await startWorker(script, { bindings: { NAME: 'dist' } })
  miniflare = started.miniflare
  const response = await fetch(`${started.url}/`)
  expect(await response.json()).toEqual({ name: 'dist', address: '127.0.0.1' })
})
