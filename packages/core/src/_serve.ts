import type { AppState } from './_app-state.ts'
import { flattenApp, registerRoutes } from './_build.ts'
import type { RouteEntry } from './_compose.ts'
import { defaultLogError, defaultNotFound } from './_defaults.ts'
import { handleRequest } from './_handle.ts'
import { createHookLists, type HookLists } from './_hooks.ts'
import { createErrorResponder } from './_responder.ts'
import { createRejectedChain, createUnmatchedChain } from './_unmatched.ts'
import type { HandleResult, OpenSpeed } from './open-speed.ts'
import type { RequestSource } from './request-source.ts'
import { RadixRouter } from './router/radix-router.ts'
import type { ExecutionContext } from './types.ts'

const kDefaultBodyLimit = 1024 * 1024

function mergedHooks(state: AppState): HookLists {
  const hooks = createHookLists()
  for (const name of Object.keys(hooks) as (keyof HookLists)[]) {
    ;(hooks[name] as unknown[]).push(...state.hooks[name])
  }
  return hooks
}

/** Flattens the app and its mounts, composes every chain and stores what serving needs. */
export function build(state: AppState): void {
  const { options } = state
  const logError = options.logError ?? defaultLogError
  const hooks = mergedHooks(state)
  const flat = flattenApp(state, hooks)
  const router = options.router?.() ?? new RadixRouter<RouteEntry>()
  const responder = createErrorResponder(flat.errorHandlers, hooks, logError)
  registerRoutes(router, flat, responder, logError)
  const notFound = state.notFoundHandler ?? defaultNotFound
  state.serving = {
    router,
    hooks,
    onError: responder,
    unmatched: createUnmatchedChain(router, flat, notFound, options.trailingSlash ?? 'strict', responder),
    rejected: createRejectedChain(flat, responder),
    contextOptions: { bodyLimit: options.bodyLimit ?? kDefaultBodyLimit, notFound },
  }
}

/** Handles one request, starting the app first when it has not started. */
export function handle(
  app: OpenSpeed<any, any>,
  state: AppState,
  source: RequestSource,
  env: unknown,
  executionCtx: ExecutionContext | undefined,
): HandleResult | Promise<HandleResult> {
  if (state.started) return handleRequest(state.serving!, source, env, executionCtx)
  if (!needsAsyncStart(state)) {
    build(state)
    state.started = true
    return handleRequest(state.serving!, source, env, executionCtx)
  }
  return app.ready().then(() => handleRequest(state.serving!, source, env, executionCtx))
}

/** Whether starting needs `ready()` (plugins or `onStart` hooks somewhere in the app tree). */
export function needsAsyncStart(state: AppState): boolean {
  return (
    state.plugins.length > 0 ||
    state.hooks.onStart.length > 0 ||
    state.mounts.some((mount) => needsAsyncStart(mount.app['~state']))
  )
}
