import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleWorker, startWorker } from './_workerd.ts'

let miniflare: Miniflare
let url: string

beforeAll(async () => {
  const script = await bundleWorker(fileURLToPath(new URL('./fixtures/worker.ts', import.meta.url)))
  ;({ miniflare, url } = await startWorker(script, {
    bindings: { GREETING: 'Hello' },
    kvNamespaces: ['KV'],
    assets: {
      directory: fileURLToPath(new URL('./fixtures/public', import.meta.url)),
      binding: 'ASSETS',
      routerConfig: { invoke_user_worker_ahead_of_assets: true, has_user_worker: true },
    },
  }))
}, 60_000)

afterAll(async () => {
  await miniflare?.dispose()
})

describe('a module worker on workerd', () => {
  it('hands env vars to c.env and runs on workerd', async () => {
    const response = await fetch(`${url}/hello`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('Hello, Cloudflare-Workers')
  })

  it('reads and writes a KV binding', async () => {
    expect((await fetch(`${url}/kv/book`, { method: 'PUT', body: 'Dune' })).status).toBe(204)
    expect(await (await fetch(`${url}/kv/book`)).text()).toBe('Dune')
    const missing = await fetch(`${url}/kv/nothing`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ detail: 'No such key' })
  })

  it('keeps waitUntil work running after the response', async () => {
    const response = await fetch(`${url}/later/job`)
    expect(response.status).toBe(202)
    await response.text()
    const kv = (await miniflare.getKVNamespace('KV')) as unknown as {
      get(key: string): Promise<string | null>
    }
    await expect.poll(() => kv.get('job'), { timeout: 10_000 }).toBe('written after the response')
  })

  it('reports the client address from CF-Connecting-IP', async () => {
    expect(await (await fetch(`${url}/ip`)).json()).toEqual({
      remote: { address: '127.0.0.1', family: 'IPv4' },
    })
  })

  it('sends a body the app compressed as it is, not compressed twice', async () => {
    const response = await fetch(`${url}/gzip`, { headers: { 'accept-encoding': 'gzip' } })
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(await response.text()).toBe('compressed by the app '.repeat(50))
  })

  it('answers unmatched requests from static assets, and routes before assets', async () => {
    const page = await fetch(`${url}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toBe('<h1>static</h1>\n')
    const css = await fetch(`${url}/style.css`)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
    expect(await css.text()).toBe(
      readFileSync(new URL('./fixtures/public/style.css', import.meta.url), 'utf8'),
    )
    expect((await fetch(`${url}/nothing-here.js`)).status).toBe(404)
  })
})
