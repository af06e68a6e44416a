import type { ComposedChain, ErrorResponder, RouteEntry } from './_compose.ts'
import type { HookLists } from './_hooks.ts'
import { decodePath } from './_url.ts'
import { Context, type ContextOptions } from './context.ts'
import type { FastResponse } from './fast-response.ts'
import { HttpError } from './http-error.ts'
import { toProblemResponse } from './problem.ts'
import type { RequestSource } from './request-source.ts'
import type { RouteMatch, Router } from './router/radix-router.ts'
import type { ExecutionContext } from './types.ts'

/** What an app needs per request, built once when it starts serving. */
export interface ServingState {
  router: Router<RouteEntry>
  hooks: HookLists
  onError: ErrorResponder
  unmatched: ComposedChain
  /** Answers requests refused before routing, through the middleware that covers every path. */
  rejected: ComposedChain
  contextOptions: ContextOptions
}

type Result = Response | FastResponse | Promise<Response | FastResponse>

const kNoRejection: unique symbol = Symbol('no rejection')

/**
 * Routes one request and runs its precomposed chain: the route's, the unmatched chain (404, 405,
 * OPTIONS, trailing-slash redirect) or, for a target that cannot be routed, the rejected chain.
 * Every context is built at one site, from one object, so its shape stays the same.
 */
export function handleRequest(
  serving: ServingState,
  source: RequestSource,
  env: unknown,
  executionCtx: ExecutionContext | undefined,
): Result {
  // an invalid Host leaves no URL to give middleware: answered here, as the adapters do
  if (source.invalid !== undefined) return toProblemResponse(source.invalid)
  const target = source.target
  const queryStart = target.indexOf('?')
  let path = queryStart === -1 ? target : target.slice(0, queryStart)
  let rejection: unknown = kNoRejection
  if (path.charCodeAt(0) !== 47 /* "/" */) {
    rejection = HttpError.fromCode('OS_ERR_BAD_REQUEST', { detail: 'The request target must start with "/"' })
    path = '/'
  } else if (path.includes('%')) {
    try {
      path = decodePath(path)
    } catch (error) {
      rejection = error
    }
  }
  let match: RouteMatch<RouteEntry> | null = null
  if (rejection === kNoRejection) {
    const method = source.method
    match = serving.router.match(method, path)
    if (match === null && method === 'HEAD') match = serving.router.match('GET', path)
  }
  const c = new Context({
    source,
    path,
    paramNames: match === null ? null : match.paramNames,
    paramValues: match === null ? null : match.paramValues,
    routePath: match === null ? undefined : match.value.path,
    env,
    executionCtx,
    options: serving.contextOptions,
  })
  if (match !== null) return match.value.chain(c)
  if (rejection === kNoRejection) return serving.unmatched(c)
  c.error = rejection
  return serving.rejected(c)
}
