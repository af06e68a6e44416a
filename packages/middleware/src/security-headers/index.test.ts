import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { withServer } from '../../test/_serve.ts'
import { cspNonce, securityHeaders } from './index.ts'

const page = (c: { get(key: 'cspNonce'): string }) => `<script nonce="${c.get('cspNonce')}">go()</script>`

function app(options?: Parameters<typeof securityHeaders>[0]) {
  return new OpenSpeed({ logError: () => {} })
    .use(securityHeaders(options))
    .get('/', (c) => c.html(page(c as never)))
    .get('/own', () => new Response('x', { headers: { 'x-frame-options': 'SAMEORIGIN' } }))
    .get('/boom', () => {
      throw new Error('boom')
    })
}

describe('securityHeaders', () => {
  it('sets the OWASP defaults', async () => {
    const response = await app().request('/')
    const headers = Object.fromEntries(response.headers)
    expect(headers).toMatchObject({
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'permissions-policy': 'camera=(), geolocation=(), microphone=(), payment=(), usb=()',
      'origin-agent-cluster': '?1',
      'x-dns-prefetch-control': 'off',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    })
    expect(headers['cross-origin-embedder-policy']).toBeUndefined()
    const csp = headers['content-security-policy']!
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain('upgrade-insecure-requests')
  })

  it('puts a fresh nonce per request in the CSP and in c.get("cspNonce")', async () => {
    const nonces = new Set<string>()
    for (let i = 0; i < 3; i++) {
      const response = await app().request('/')
      const nonce = /nonce="([^"]+)"/.exec(await response.text())![1]!
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      const csp = response.headers.get('content-security-policy')!
      expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`)
      expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`)
      nonces.add(nonce)
    }
    expect(nonces.size).toBe(3)
  })

  it('applies to error responses and lets handlers keep their own values', async () => {
    const error = await app().request('/boom')
    expect(error.status).toBe(500)
    expect(error.headers.get('x-content-type-options')).toBe('nosniff')
    expect(error.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect((await app().request('/own')).headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })

  it('overrides and disables each header', async () => {
    const response = await app({
      contentSecurityPolicy: {
        directives: {
          imgSrc: ["'self'", 'https://img.example.com'],
          upgradeInsecureRequests: false,
          scriptSrc: ["'self'"],
        },
        reportOnly: true,
      },
      strictTransportSecurity: { maxAge: 63072000, preload: true, includeSubDomains: false },
      xFrameOptions: false,
      referrerPolicy: 'no-referrer',
      crossOriginEmbedderPolicy: 'require-corp',
      crossOriginOpenerPolicy: false,
      crossOriginResourcePolicy: 'cross-origin',
      permissionsPolicy: { geolocation: ['self', 'https://maps.example.com'], fullscreen: ['*'] },
      xContentTypeOptions: false,
      originAgentCluster: false,
      xDnsPrefetchControl: false,
      xPermittedCrossDomainPolicies: false,
      xXssProtection: false,
    }).request('/')
    expect(response.headers.get('content-security-policy')).toBeNull()
    const csp = response.headers.get('content-security-policy-report-only')!
    expect(csp).toContain("img-src 'self' https://img.example.com")
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; preload')
    expect(response.headers.get('x-frame-options')).toBeNull()
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp')
    expect(response.headers.get('cross-origin-opener-policy')).toBeNull()
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(response.headers.get('permissions-policy')).toBe(
      'geolocation=(self "https://maps.example.com"), fullscreen=(*)',
    )
    for (const name of [
      'x-content-type-options',
      'origin-agent-cluster',
      'x-dns-prefetch-control',
      'x-xss-protection',
    ]) {
      expect(response.headers.get(name), name).toBeNull()
    }
    expect(response.headers.get('x-permitted-cross-domain-policies')).toBeNull()
  })

  it('supports a policy without defaults, raw header strings, and no CSP at all', async () => {
    const own = await app({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { 'default-src': ["'none'"], sandbox: [], scriptSrc: [cspNonce] },
      },
      strictTransportSecurity: 'max-age=60',
      permissionsPolicy: 'camera=(self)',
    }).request('/')
    const csp = own.headers.get('content-security-policy')!
    expect(csp).toMatch(/^default-src 'none'; sandbox; script-src 'nonce-[^']+'$/)
    expect(own.headers.get('strict-transport-security')).toBe('max-age=60')
    expect(own.headers.get('permissions-policy')).toBe('camera=(self)')
    const none = await app({
      contentSecurityPolicy: false,
      strictTransportSecurity: false,
      permissionsPolicy: false,
    }).request('/')
    expect(none.headers.get('content-security-policy')).toBeNull()
    expect(none.headers.get('strict-transport-security')).toBeNull()
    expect(none.headers.get('permissions-policy')).toBeNull()
    const staticCsp = await app({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"] } },
    }).request('/')
    expect(staticCsp.headers.get('content-security-policy')).toBe("default-src 'self'")
  })

  it('refuses values that would break or inject into the headers', () => {
    expect(() =>
      securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'; report-uri x"] } } }),
    ).toThrow(/invalid source/)
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { 'bad name!': true } } })).toThrow(
      /directive/,
    )
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { imgSrc: [''] } } })).toThrow(
      /invalid source/,
    )
    expect(() => securityHeaders({ referrerPolicy: 'no-referrer\r\nset-cookie: a=b' })).toThrow(/line break/)
    expect(() => securityHeaders({ permissionsPolicy: { Camera: [] } })).toThrow(/permission/)
    expect(() => securityHeaders({ permissionsPolicy: { camera: ['evil"), x=('] } })).toThrow(/origin/)
    expect(() => securityHeaders({ strictTransportSecurity: { maxAge: -5 } })).toThrow(/maxAge/)
  })

  it('refuses an unknown CSP directive and an unquoted keyword, as helmet does', () => {
    const invalid = expect.objectContaining({
      name: 'MiddlewareError',
      code: 'OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS',
    })
    const csp = (directives: Record<string, readonly string[] | boolean>) => () =>
      securityHeaders({ contentSecurityPolicy: { directives } })
    expect(csp({ scriptSource: ["'self'"] })).toThrow(invalid)
    expect(csp({ scriptSource: ["'self'"] })).toThrow(
      'securityHeaders(): unknown CSP directive "script-source"',
    )
    expect(csp({ scriptSrc: ['self'] })).toThrow(
      `securityHeaders(): CSP script-src has the keyword self unquoted; write "'self'"`,
    )
    for (const keyword of ['none', 'unsafe-inline', 'strict-dynamic', 'nonce-abc', 'sha256-abc']) {
      expect(csp({ defaultSrc: [keyword] })).toThrow(invalid)
    }
    expect(csp({ imgSrc: 'self' as never })).toThrow(/must be a list of sources/)
    expect(csp({ imgSrc: [42 as never] })).toThrow(/invalid source/)
    expect(
      csp({ scriptSrc: ["'self'", 'https://cdn.example.com'], sandbox: ['allow-scripts'] }),
    ).not.toThrow()
  })
})

describe('securityHeaders over a real socket', () => {
  it('sends the headers and a per-request nonce through the Node adapter', async () => {
    await withServer(app(), async (url) => {
      const response = await fetch(`${url}/`)
      const body = await response.text()
      const nonce = /nonce="([^"]+)"/.exec(body)![1]!
      expect(response.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`)
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    })
  })
})
