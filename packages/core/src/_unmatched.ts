import type { FlatApp } from './_build.ts'
import type { ComposedChain, ErrorResponder, RouteEntry } from './_compose.ts'
import { composeChain } from './_compose.ts'
import { withRequestHooks } from './_responder.ts'
import type { Context } from './context.ts'
import { HttpError } from './http-error.ts'
import type { TrailingSlash } from './open-speed.ts'
import type { Router } from './router/radix-router.ts'
import type { NotFoundHandler } from './types.ts'

function allowHeader(methods: string[]): string {
  const allowed = new Set(methods)
  if (allowed.has('GET')) allowed.add('HEAD')
  allowed.add('OPTIONS')
  return [...allowed].join(', ')
}

function toggleTrailingSlash(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : `${path}/`
}

/**
 * The chain for requests no route answers: the app's middleware (so CORS, logging and the like
 * see them too), then 405 with `Allow`, an automatic `OPTIONS` answer, a trailing-slash
 * redirect, or the not-found handler.
 */
export function createUnmatchedChain(
  router: Router<RouteEntry>,
  flat: FlatApp,
  notFound: NotFoundHandler,
  trailingSlash: TrailingSlash,
  onError: ErrorResponder,
): ComposedChain {
  const terminal = (c: Context) => {
    const path = c.req.path
    const methods = router.allowedMethods(path).filter((method) => method !== 'ALL')
    if (methods.length > 0) {
      if (c.req.method === 'OPTIONS') return c.body(null, 204, { allow: allowHeader(methods) })
      throw HttpError.fromCode('OS_ERR_METHOD_NOT_ALLOWED', {
        detail: `${c.req.method} is not allowed for ${path}`,
        headers: { allow: allowHeader(methods) },
      })
    }
    if (trailingSlash === 'redirect' && path !== '/') {
      const alternative = toggleTrailingSlash(path)
      const method = c.req.method === 'HEAD' ? 'GET' : c.req.method
      if (router.match(method, alternative) !== null) {
        const url = new URL(c.req.url)
        return c.redirect(`${alternative}${url.search}`, 308)
      }
    }
    return notFound(c)
  }
  const handlers = [...flat.middleware.map((entry) => entry.guarded), terminal]
  return withRequestHooks(composeChain(handlers, onError), flat.hooks, onError)
}

const rethrow = (c: Context): never => {
  throw c.error
}

/**
 * The chain for requests refused before routing (a target that does not start with "/", bad
 * percent-encoding): the middleware that covers every path runs first, so security, CORS and
 * rate-limit headers are on these 400s too, then the error in `c.error` is answered.
 */
export function createRejectedChain(flat: FlatApp, onError: ErrorResponder): ComposedChain {
  const everywhere = flat.middleware.filter((entry) => entry.scope.length === 0).map((entry) => entry.handler)
  return withRequestHooks(composeChain([...everywhere, rethrow], onError), flat.hooks, onError)
}
