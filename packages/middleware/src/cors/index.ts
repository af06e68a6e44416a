import type { MiddlewareHandler } from '@openspeed/core'
import { checkMiddlewareOptions, configError, middlewareError } from '../_errors.ts'
import { appendVary, tokenPattern } from '../_response.ts'
import { toOriginCheck } from './_origin.ts'
import { answerPreflight, type PreflightPolicy } from './_preflight.ts'
import type { CorsOrigin } from './options.ts'

export type { CorsOrigin } from './options.ts'

/**
 * Options for {@link cors}.
 *
 * @example
 * cors({ origin: ['https://app.example.com', 'https://*.example.com'], credentials: true, maxAge: 3600 })
 */
export interface CorsOptions {
  /**
   * Allowed origins: `'*'` (default; any origin, never with credentials), an origin, a list, a
   * pattern (`'https://*.example.com'` or a RegExp, always matched against the whole origin) or a
   * function `(origin, c) => boolean`.
   */
  origin?: CorsOrigin
  /** Send `Access-Control-Allow-Credentials: true` (cookies, HTTP auth). Not allowed with `'*'`. */
  credentials?: boolean
  /** Methods a preflight may ask for. Default GET, HEAD, PUT, POST, DELETE, PATCH. */
  allowMethods?: readonly string[]
  /** Request headers a preflight may ask for. Default: whatever the browser asks for. */
  allowHeaders?: readonly string[]
  /** Response headers the browser lets scripts read (`Access-Control-Expose-Headers`). */
  exposeHeaders?: readonly string[]
  /** How long browsers may cache a preflight answer, in seconds (`Access-Control-Max-Age`). Default 600. */
  maxAge?: number
}

const kDefaultMethods = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH']

function tokens(option: string, values: readonly string[]): string[] {
  for (const value of values) {
    if (!tokenPattern.test(value))
      throw configError(
        'OS_ERR_CORS_INVALID_OPTIONS',
        `cors(): ${option} has an invalid entry ${JSON.stringify(value)}`,
      )
  }
  return [...values]
}

function toPolicy(options: CorsOptions): PreflightPolicy {
  const methods = tokens('allowMethods', options.allowMethods ?? kDefaultMethods)
  const headers = options.allowHeaders === undefined ? null : tokens('allowHeaders', options.allowHeaders)
  const maxAge = options.maxAge ?? 600
  if (!Number.isInteger(maxAge) || maxAge < 0)
    throw configError('OS_ERR_CORS_INVALID_OPTIONS', 'cors(): maxAge must be a whole number of seconds')
  return {
    allowMethods: new Set(methods),
    allowMethodsHeader: methods.join(', '),
    allowHeaders: headers === null ? null : new Set(headers.map((name) => name.toLowerCase())),
    allowHeadersHeader: headers?.join(', ') ?? '',
    maxAge: maxAge === 0 ? undefined : String(maxAge),
  }
}

/**
 * Cross-Origin Resource Sharing. Preflights (`OPTIONS` with `Access-Control-Request-Method`) are
 * answered here with 204 and never reach the handler; a preflight from an origin, for a method or
 * with headers the policy refuses gets a 403 problem+json without any CORS header. Other requests
 * run normally and get `Access-Control-Allow-Origin` when their origin is allowed. Responses vary
 * on `Origin` whenever the answer depends on it, allowed or not, so caches never mix them up.
 *
 * @example
 * import { cors } from '@openspeed/middleware/cors'
 * app.use('/api/*', cors({ origin: 'https://app.example.com', credentials: true }))
 */
export function cors(options: CorsOptions = {}): MiddlewareHandler {
  checkMiddlewareOptions('cors()', 'OS_ERR_CORS_INVALID_OPTIONS', options, {
    origin: ['string', 'regexp', 'array', 'function'],
    credentials: 'boolean',
    allowMethods: 'string[]',
    allowHeaders: 'string[]',
    exposeHeaders: 'string[]',
    maxAge: 'number',
  })
  const check = toOriginCheck(options.origin ?? '*', 'cors')
  const credentials = options.credentials === true
  if (check === '*' && credentials) {
    throw configError(
      'OS_ERR_CORS_INVALID_OPTIONS',
      "cors(): credentials cannot be used with origin '*'; list the allowed origins",
    )
  }
  const policy = toPolicy(options)
  const expose =
    options.exposeHeaders === undefined ? '' : tokens('exposeHeaders', options.exposeHeaders).join(', ')
  const varies = check !== '*'

  return async function corsMiddleware(c, next) {
    const origin = c.req.header('origin')
    const allowed = check === '*' || (origin !== undefined && (await check(origin, c)))
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
      if (!allowed) {
        throw middlewareError('OS_ERR_CORS_ORIGIN_NOT_ALLOWED', {
          detail:
            origin === undefined
              ? 'A CORS preflight needs an Origin header'
              : `The origin ${JSON.stringify(origin)} is not allowed to make cross-origin requests`,
          headers: varies ? { vary: 'Origin' } : undefined,
        })
      }
      const headers: Record<string, string> = { 'access-control-allow-origin': varies ? origin! : '*' }
      if (credentials) headers['access-control-allow-credentials'] = 'true'
      if (varies) headers.vary = 'Origin'
      return answerPreflight(c, policy, headers)
    }
    await next()
    if (varies) appendVary(c, 'Origin')
    if (!allowed) return
    c.header('access-control-allow-origin', varies ? origin! : '*')
    if (credentials) c.header('access-control-allow-credentials', 'true')
    if (expose !== '') c.header('access-control-expose-headers', expose)
  }
}
