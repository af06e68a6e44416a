import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { bodyLimit } from './body-limit/index.ts'
import { cacheControl } from './cache-control/index.ts'
import { compress } from './compress/index.ts'
import { compress as nodeCompress } from './compress/node.ts'
import { cors } from './cors/index.ts'
import { csrf } from './csrf/index.ts'
import { MiddlewareError } from './errors/middleware-error.ts'
import { etag } from './etag/index.ts'
import { ipFilter } from './ip-filter/index.ts'
import { logger } from './logger/index.ts'
import { MemoryStore, rateLimit } from './rate-limit/index.ts'
import { requestId } from './request-id/index.ts'
import { securityHeaders } from './security-headers/index.ts'
import { serveStatic } from './serve-static/index.ts'
import { timeout } from './timeout/index.ts'
import { timing } from './timing/index.ts'

// plain-JavaScript calls: what TypeScript would refuse, spelt out
const js = (options: object): never => options as never

const factories: [string, string, (extra: object) => unknown][] = [
  ['cors()', 'OS_ERR_CORS_INVALID_OPTIONS', (extra) => cors(js({ origin: 'https://a.test', ...extra }))],
  ['logger()', 'OS_ERR_LOGGER_INVALID_OPTIONS', (extra) => logger(js(extra))],
  ['requestId()', 'OS_ERR_REQUEST_ID_INVALID_OPTIONS', (extra) => requestId(js(extra))],
  ['bodyLimit()', 'OS_ERR_BODY_LIMIT_INVALID_OPTIONS', (extra) => bodyLimit(js({ maxSize: 1, ...extra }))],
  ['timeout()', 'OS_ERR_TIMEOUT_INVALID_OPTIONS', (extra) => timeout(100, js(extra))],
  ['etag()', 'OS_ERR_ETAG_INVALID_OPTIONS', (extra) => etag(js(extra))],
  [
    'cacheControl()',
    'OS_ERR_CACHE_CONTROL_INVALID_DIRECTIVES',
    (extra) => cacheControl({ noCache: true }, js(extra)),
  ],
  ['compress()', 'OS_ERR_COMPRESS_INVALID_OPTIONS', (extra) => compress(js(extra))],
  ['compress() on node:zlib', 'OS_ERR_COMPRESS_INVALID_OPTIONS', (extra) => nodeCompress(js(extra))],
  ['securityHeaders()', 'OS_ERR_SECURITY_HEADERS_INVALID_OPTIONS', (extra) => securityHeaders(js(extra))],
  ['csrf()', 'OS_ERR_CSRF_INVALID_OPTIONS', (extra) => csrf(js(extra))],
  [
    'rateLimit()',
    'OS_ERR_RATE_LIMIT_INVALID_OPTIONS',
    (extra) => rateLimit(js({ limit: 1, windowMs: 1000, ...extra })),
  ],
  ['new MemoryStore()', 'OS_ERR_RATE_LIMIT_INVALID_OPTIONS', (extra) => new MemoryStore(js(extra))],
  [
    'ipFilter()',
    'OS_ERR_IP_FILTER_INVALID_RULE',
    (extra) => ipFilter(js({ allow: ['10.0.0.0/8'], ...extra })),
  ],
  ['serveStatic()', 'OS_ERR_STATIC_INVALID_OPTIONS', (extra) => serveStatic(js({ root: '.', ...extra }))],
  ['timing()', 'OS_ERR_TIMING_INVALID_OPTIONS', (extra) => timing(js(extra))],
]

describe('every middleware factory checks its options strictly', () => {
  it.each(factories)('%s refuses an unknown option and a value of the wrong kind', (name, code, create) => {
    expect(() => create({ bogusOption: true })).toThrow(
      expect.objectContaining({
        name: 'MiddlewareError',
        code,
        message: expect.stringContaining(name.split(' on ')[0]!),
      }),
    )
    expect(() => create({ bogusOption: true })).toThrow(/unknown option "bogusOption"/)
    expect(() => create({ bogusOption: true })).toThrow(MiddlewareError)
  })

  it('refuses a misspelt cors origin instead of allowing every origin', async () => {
    expect(() => cors(js({ orgin: 'https://app.example.com' }))).toThrow(
      'cors(): unknown option "orgin"; did you mean "origin"?',
    )
    expect(() => cors(js({ credentials: 'yes' }))).toThrow(
      'cors() option "credentials" must be a boolean, got "yes"',
    )
    expect(() => cors(js({ allowMethods: ['GET', 1] }))).toThrow(/allowMethods" must be an array of strings/)
    const app = new OpenSpeed().use(cors({ origin: 'https://app.example.com' })).get('/', (c) => c.text('ok'))
    const response = await app.request('/', { headers: { origin: 'https://evil.example' } })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('checks nested options and literal values', () => {
    expect(() => csrf(js({ token: { cookeis: 'x' } }))).toThrow(
      /csrf\(\) option "token": unknown option "cookeis"/,
    )
    expect(() => timeout(100, js({ status: 500 }))).toThrow(/must be 503 or 504, got 500/)
    expect(() => rateLimit(js({ limit: 1, windowMs: 1, onUnknownAddress: 'skip' }))).toThrow(
      /must be "error" or "shared"/,
    )
    expect(() => rateLimit(js({ windowMs: 1 }))).toThrow('rateLimit() option "limit" is required')
    expect(() => serveStatic(js({ root: '.', dotfiles: 'show' }))).toThrow(/"deny", "ignore" or "allow"/)
    expect(() => securityHeaders(js({ xFrameOptions: 'ALLOWALL' }))).toThrow(/false, "DENY" or "SAMEORIGIN"/)
    expect(() => securityHeaders(js({ contentSecurityPolicy: { directive: {} } }))).toThrow(
      /did you mean "directives"/,
    )
  })
})

describe('every middleware a factory returns', () => {
  it.each(factories.filter(([name]) => name !== 'new MemoryStore()'))(
    '%s is named, so route listings show it',
    (_name, _code, create) => {
      const middleware = create({}) as { name: string }
      expect(middleware.name).toMatch(/^[a-z][A-Za-z]*Middleware$/)
    },
  )
})
