import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createApp } from './app.ts'

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
})
const book = { title: 'Dune', author: 'Frank Herbert', isbn: '9780441172719', year: 1965 }

describe('secure defaults', () => {
  it('sends the security headers and a request id on every answer, errors included', async () => {
    const app = createApp()
    for (const path of ['/health', '/no-such-route']) {
      const response = await app.request(path)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('refuses a cross-site form post with 403 problem+json and creates nothing', async () => {
    const app = createApp()
    const attack = await app.request(
      '/books',
      json(book, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }),
    )
    expect(attack.status).toBe(403)
    expect(attack.headers.get('content-type')).toBe('application/problem+json')
    expect((await (await app.request('/books')).json()).items).toHaveLength(0)
    const sameOrigin = await app.request('/books', json(book, { 'sec-fetch-site': 'same-origin' }))
    expect(sameOrigin.status).toBe(201)
  })

  it('announces its rate limit and compresses large answers', async () => {
    const app = createApp()
    for (let i = 0; i < 30; i++) {
      const isbn = `978044117${String(i).padStart(4, '0')}`
      await app.request('/books', json({ ...book, title: `Dune ${i}`, isbn }))
    }
    const response = await app.request('/books?limit=30', { headers: { 'accept-encoding': 'gzip' } })
    expect(response.headers.get('ratelimit-policy')).toMatch(/q=600;w=60/)
    expect(response.headers.get('content-encoding')).toBe('gzip')
    const body = JSON.parse(gunzipSync(Buffer.from(await response.arrayBuffer())).toString())
    expect(body.items).toHaveLength(30)
  })
})
