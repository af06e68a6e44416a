import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RuntimeServer, startFixture } from '../src/_runtimes.case.ts'

const fixture = fileURLToPath(new URL('./fixtures/standard-app.ts', import.meta.url))
const kUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe.each(['bun', 'deno', 'node24'] as const)('the standard middleware under %s', (runtime) => {
  let server: RuntimeServer
  beforeAll(async () => {
    server = await startFixture(runtime, fixture)
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
  })

  it('sets request ids, security headers with a nonce, timings and ETags', async () => {
    const response = await fetch(`${server.url}/doc`, { headers: { 'x-request-id': 'a\u00e9b' } })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { id: string; nonce: string; token: string }
    expect(body.id).toMatch(kUuid)
    expect(response.headers.get('x-request-id')).toBe(body.id)
    expect(response.headers.get('content-security-policy')).toContain(`'nonce-${body.nonce}'`)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('server-timing')).toMatch(/^db;dur=1\.5, total;dur=/)
    const fixed = await fetch(`${server.url}/static`)
    await fixed.text()
    const tag = fixed.headers.get('etag')!
    expect(tag).toMatch(/^"[\w-]{27}"$/)
    const revalidated = await fetch(`${server.url}/static`, { headers: { 'if-none-match': `"x", ${tag}` } })
    expect(revalidated.status).toBe(304)
    const trusted = await fetch(`${server.url}/doc`, { headers: { 'x-request-id': 'lb-42' } })
    expect(trusted.headers.get('x-request-id')).toBe('lb-42')
  })

  it('answers CORS preflights and refuses reflected look-alike origins', async () => {
    const preflight = await fetch(`${server.url}/transfer`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true')
    const attack = await fetch(`${server.url}/transfer`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com.attacker', 'access-control-request-method': 'POST' },
    })
    expect(attack.status).toBe(403)
    expect(attack.headers.get('access-control-allow-origin')).toBeNull()
    expect(((await attack.json()) as { code: string }).code).toBe('OS_ERR_CORS_ORIGIN_NOT_ALLOWED')
  })

  it('refuses cross-site and tokenless POSTs and accepts the double-submitted token', async () => {
    const page = await fetch(`${server.url}/doc`)
    const { token } = (await page.json()) as { token: string }
    const cookie = page.headers.getSetCookie()[0]!.split(';')[0]!
    const crossSite = await fetch(`${server.url}/transfer`, {
      method: 'POST',
      headers: {
        cookie,
        'x-csrf-token': token,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
    })
    expect(crossSite.status).toBe(403)
    expect(((await crossSite.json()) as { code: string }).code).toBe('OS_ERR_CSRF_ORIGIN_REJECTED')
    const tokenless = await fetch(`${server.url}/transfer`, { method: 'POST', headers: { cookie } })
    expect(((await tokenless.json()) as { code: string }).code).toBe('OS_ERR_CSRF_TOKEN_MISSING')
    const ok = await fetch(`${server.url}/transfer`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': token },
      body: 'hi',
    })
    expect(await ok.text()).toBe('done 2')
    const tooBig = await fetch(`${server.url}/transfer`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': token },
      body: 'x'.repeat(17),
    })
    expect(tooBig.status).toBe(413)
  })

  it('answers a slow handler with 504 problem+json', async () => {
    const response = await fetch(`${server.url}/slow`)
    expect(response.status).toBe(504)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })
})
