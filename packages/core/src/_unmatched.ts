import type { FlatApp } from './_build.ts'
import { withRequestHooks } from './_build.ts'
import type { ComposedChain, ErrorResponder, RouteEntry } from './_compose.ts'
import { composeChain } from './_compose.ts'
import type { NotFoundHandler } from './_definition.ts'
import type { Context } from './context.ts'
import { HttpError } from './http-error.ts'
import type { Router } from './router/radix-router.ts'

/** How a path that differs from a route only by a trailing slash is treated. */
export type TrailingSlash = 'strict' | 'redirect'

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
