import { HttpError, OpenSpeed } from '@openspeed/core'
import { describe, expect, it, vi } from 'vitest'
import { handle } from './handle.ts'
import { type AssetsBinding, serveAssets } from './serve-assets.ts'

// the real binding is exercised on workerd in test/workerd.test.ts; here a Fetcher-shaped object
const assets: AssetsBinding = {
  fetch: async (request) =>
    new Response(`asset ${new URL(request.url).pathname}`, { headers: { 'x-asset': '1' } }),
}
const ctx = { waitUntil() {} }
const app = new OpenSpeed<{ Bindings: { ASSETS?: AssetsBinding; STATIC?: AssetsBinding } }>()
  .get('/api/books/:id', () => {
    throw new HttpError(404, { detail: 'No such book' })
  })
  .notFound(serveAssets())

describe('serveAssets', () => {
  it('answers unmatched requests from the binding', async () => {
    const response = await handle(app).fetch(
      new Request('https://example.com/logo.svg'),
      { ASSETS: assets },
      ctx,
    )
    expect(response.headers.get('x-asset')).toBe('1')
    expect(await response.text()).toBe('asset /logo.svg')
  })

  it('keeps a 404 a handler throws', async () => {
    const response = await handle(app).fetch(
      new Request('https://example.com/api/books/9'),
      { ASSETS: assets },
      ctx,
    )
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ detail: 'No such book' })
  })

  it('reads another binding name', async () => {
    const named = new OpenSpeed().notFound(serveAssets({ binding: 'STATIC' }))
    const response = await handle(named).fetch(
      new Request('https://example.com/a.txt'),
      { STATIC: assets },
      ctx,
    )
    expect(await response.text()).toBe('asset /a.txt')
  })

  it('a missing binding is a 500 for the client and a clear error in the log', async () => {
    const logError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await handle(app).fetch(new Request('https://example.com/logo.svg'), {}, ctx)
    expect(response.status).toBe(500)
    expect(await response.text()).not.toMatch(/wrangler/)
    expect(String(logError.mock.calls.flat().join(' '))).toMatch(/env\.ASSETS is not an assets binding/)
    logError.mockRestore()
  })
})
