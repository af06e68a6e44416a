import { type MiddlewareHandler, withDescription } from '@openspeed/core'
import { checkMiddlewareOptions, configError } from '../_errors.ts'
import { type OriginCheck, toOriginCheck } from '../cors/_origin.ts'
import type { CorsOrigin } from '../cors/options.ts'
import { assertSameOrigin } from './_origin.ts'
import { checkToken, toTokenPolicy } from './_token.ts'
import type { CsrfTokenOptions } from './options.ts'

export type { CsrfTokenOptions } from './options.ts'

/**
 * Options for {@link csrf}.
 *
 * @example
 * csrf({ origin: ['https://admin.example.com'], token: true })
 */
export interface CsrfOptions {
  /**
   * Other origins allowed to send unsafe requests (the app's own origin always is): an origin, a
   * list, patterns such as `'https://*.example.com'` or a RegExp, or a function. Never `'*'`.
   */
  origin?: Exclude<CorsOrigin, '*'>
  /** Also require a double-submit token (cookie + header or form field). Default `false`. */
  token?: boolean | CsrfTokenOptions
}

/**
 * The context variables `csrf()` sets.
 *
 * @example
 * const app = new OpenSpeed<{ Variables: CsrfVariables }>().use(csrf({ token: true }))
 */
export interface CsrfVariables {
  /** The token to put in forms (`<input type="hidden" name="_csrf">`) or send as `x-csrf-token`. */
  csrfToken: string
}

const kSafeMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE'])

/**
 * Cross-site request forgery protection for unsafe methods (POST, PUT, PATCH, DELETE, ...).
 * Requests a browser sent from another site are refused with 403 problem+json: it reads
 * `Sec-Fetch-Site`, and `Origin` against the request's host for older browsers; listed origins may
 * still send them. With `token`, it also runs the double-submit pattern: a token cookie, and the
 * same token in the `x-csrf-token` header or the `_csrf` form field, compared in constant time.
 *
 * @example
 * import { csrf } from '@openspeed/middleware/csrf'
 * app.use(csrf({ token: true }))
 * app.get('/form', (c) => c.html(`<form method="post"><input type="hidden" name="_csrf" value="${c.get('csrfToken')}"></form>`))
 * app.post('/form', (c) => c.text('saved'))
 */
export function csrf(options: CsrfOptions = {}): MiddlewareHandler {
  checkMiddlewareOptions('csrf()', 'OS_ERR_CSRF_INVALID_OPTIONS', options, {
    origin: ['string', 'regexp', 'array', 'function'],
    token: {
      kind: ['boolean', 'object'],
      shape: {
        cookie: 'string',
        cookieOptions: 'object',
        header: 'string',
        field: 'string',
        secret: ['string', 'object'],
      },
    },
  })
  if ((options.origin as string | undefined) === '*')
    throw configError('OS_ERR_CSRF_INVALID_OPTIONS', "csrf(): origin '*' would disable the protection")
  const trusted = options.origin === undefined ? null : (toOriginCheck(options.origin, 'csrf') as OriginCheck)
  const token =
    options.token === undefined || options.token === false
      ? null
      : toTokenPolicy(options.token === true ? {} : options.token)
  const middleware: MiddlewareHandler = async function csrfMiddleware(c, next) {
    const unsafe = !kSafeMethods.has(c.req.method)
    if (unsafe) await assertSameOrigin(c, trusted)
    if (token !== null) await checkToken(c, token, unsafe)
    await next()
  }
  return withDescription(middleware, {
    responses: {
      403: { description: 'Forbidden: a cross-site request or a missing CSRF token (unsafe methods)' },
    },
  })
}
