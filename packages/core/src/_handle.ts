import type { ComposedChain, ErrorResponder, RouteEntry } from './_compose.ts'
import { decodePath } from './_url.ts'
import { Context, type ContextOptions } from './context.ts'
import type { FastResponse } from './fast-response.ts'
import type { HookLists } from './_hooks.ts'
import { HttpError } from './http-error.ts'
import type { RequestSource } from './request-source.ts'
import type { Router } from './router/radix-router.ts'
import type { ExecutionContext } from './types.ts'

/** What an app needs per request, built once when it starts serving. */
export interface ServingState {
  router: Router<RouteEntry>
  hooks: HookLists
  onError: ErrorResponder
  unmatched: ComposedChain
  contextOptions: ContextOptions
}

type Result = Response | FastResponse | Promise<Response | FastResponse>

/** Routes one request and runs its precomposed chain. */
export function handleRequest(
  serving: ServingState,
  source: RequestSource,
  env: unknown,
  executionCtx: ExecutionContext | undefined,
): Result {
  const target = source.target
  const queryStart = target.indexOf('?')
  let path = queryStart === -1 ? target : target.slice(0, queryStart)
  if (path.charCodeAt(0) !== 47 /* "/" */) {
    return fail(
      serving,
      source,
      '/',
      HttpError.fromCode('OS_ERR_BAD_REQUEST', { detail: 'The request target must start with "/"' }),
      env,
      executionCtx,
    )
  }
  if (path.includes('%')) {
    try {
      path = decodePath(path)
    } catch (error) {
      return fail(serving, source, path, error, env, executionCtx)
    }
  }
  const method = source.method
  let match = serving.router.match(method, path)
  if (match === null && method === 'HEAD') match = serving.router.match('GET', path)
  if (match === null) {
    return serving.unmatched(
      new Context(source, path, null, null, undefined, env, executionCtx, serving.contextOptions),
    )
  }
  const route = match.value
  return route.chain(
    new Context(
      source,
      path,
      match.paramNames,
      match.paramValues,
      route.path,
      env,
      executionCtx,
      serving.contextOptions,
    ),
  )
}

function fail(
  serving: ServingState,
  source: RequestSource,
  path: string,
  error: unknown,
  env: unknown,
  executionCtx: ExecutionContext | undefined,
): Result {
  const c = new Context(source, path, null, null, undefined, env, executionCtx, serving.contextOptions)
  return serving.onError(error, c)
}
