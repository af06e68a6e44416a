import { fileURLToPath } from 'node:url'
import { importDist } from '@openspeed/conformance'
import { OpenSpeed } from '@openspeed/core'
import { expect, it } from 'vitest'
import type * as Source from '../src/index.ts'

it('serves an app through the built dist/ over a real socket', async () => {
  const dist = await importDist<typeof Source>(fileURLToPath(new URL('..', import.meta.url)))
  expect(Object.keys(dist).sort()).toEqual([
    'NodeAdapterError',
    'adaptersNodeErrorCodes',
    'serve',
    'toNodeHandler',
  ])
  const app = new OpenSpeed()
    .get('/', (c) => c.text('Hello, OpenSpeed!'))
    .post('/echo', async (c) => c.json(await c.req.json()))
  const handle = await dist.serve(app, { port: 0, hostname: '127.0.0.1', gracefulShutdown: false })
  try {
    const hello = await fetch(`${handle.url}/`)
    expect(hello.status).toBe(200)
    expect(hello.headers.get('content-length')).toBe('17')
    expect(await hello.text()).toBe('Hello, OpenSpeed!')
    const echo = await fetch(`${handle.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ok":true}',
    })
    expect(await echo.json()).toEqual({ ok: true })
    const missing = await fetch(`${handle.url}/missing`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toBe('application/problem+json')
  } finally {
    await handle.close()
  }
})
