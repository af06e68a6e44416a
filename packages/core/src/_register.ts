import type { AppState } from './_app-state.ts'
import { parseScope } from './_scope.ts'
import { build } from './_serve.ts'
import type { OpenSpeed } from './open-speed.ts'
import { OpenSpeedError } from './openspeed-error.ts'
import type { MiddlewareHandler } from './types.ts'

/** Refuses a registration that would be silently ignored because the app already serves. */
export function assertNotStarted(state: AppState, what: string): void {
  if (state.started) {
    throw new OpenSpeedError(
      'OS_ERR_APP_ALREADY_STARTED',
      `${what} must be added before the app starts serving`,
    )
  }
}

/** Records a route; a plugin may add routes while the app is being built, so it rebuilds then. */
export function addRoute(state: AppState, method: string, path: string, handlers: MiddlewareHandler[]): void {
  if (handlers.length === 0) throw new TypeError(`The route ${method} ${path} has no handler`)
  state.routes.push({ method, path, handlers })
  if (state.serving !== undefined) build(state)
}

/** Records middleware, global or for a scope; the scope is validated now, not at the first request. */
export function addMiddleware(
  state: AppState,
  first: string | MiddlewareHandler,
  rest: MiddlewareHandler[],
): void {
  assertNotStarted(state, 'Middleware')
  const scope = typeof first === 'string' ? first : null
  if (scope !== null) parseScope(scope)
  const handlers = typeof first === 'string' ? rest : [first, ...rest]
  for (const handler of handlers) state.middleware.push({ scope, handler })
}

/** Records a sub-app mounted under a prefix. */
export function addMount(state: AppState, prefix: string, app: OpenSpeed<any, any>): void {
  assertNotStarted(state, 'Mounted apps')
  if (!prefix.startsWith('/')) throw new TypeError(`The mount prefix "${prefix}" must start with "/"`)
  state.mounts.push({ prefix, app })
}

/** Rebuilds after a handler changes while serving (a plugin's `onError` or `notFound`). */
export function rebuildIfServing(state: AppState): void {
  if (state.serving !== undefined) build(state)
}
