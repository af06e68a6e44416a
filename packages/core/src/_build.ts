import type { AppState } from './_app-state.ts'
import { composeChain, type ErrorResponder, type RouteEntry } from './_compose.ts'
import type { HookLists } from './_hooks.ts'
import { createErrorResponder, withRequestHooks } from './_responder.ts'
import { isDocumentationOnly } from './_route-meta.ts'
import {
  createScopeMatcher,
  guardMiddleware,
  joinPaths,
  parseScope,
  type ScopeSegment,
  scopeCoverage,
} from './_scope.ts'
import type { Context } from './context.ts'
import { type PatternSegment, parsePattern } from './router/_pattern.ts'
import type { Router } from './router/radix-router.ts'
import type { ErrorHandler, Handler, MiddlewareHandler } from './types.ts'

/** Middleware with its full scope (mount prefix included); `guarded` runs it behind a path check. */
export interface ScopedMiddleware {
  scope: readonly ScopeSegment[]
  handler: MiddlewareHandler
  /** The handler behind its scope check; the handler itself when the scope covers every path. */
  guarded: MiddlewareHandler
}

/** A route as the app serves it, after mounts are flattened. */
export interface FlatRoute {
  method: string
  path: string
  /** The middleware that may apply, then the route's handlers, as registered (for `app.routes()`). */
  handlers: (Handler | MiddlewareHandler)[]
  /** What the chain runs, index for index: scoped middleware the pattern cannot decide behind its path check. */
  runs: (Handler | MiddlewareHandler)[]
  /** The error handlers that apply, nearest first: the route's own app, then the apps it is mounted in. */
  errorHandlers: readonly ErrorHandler[]
}

/** Everything an app and its mounted sub-apps registered, flattened. */
export interface FlatApp {
  routes: FlatRoute[]
  middleware: ScopedMiddleware[]
  hooks: HookLists
  /** The root app's error handlers (none, or its own). */
  errorHandlers: readonly ErrorHandler[]
}

/** Flattens an app and its mounts into full paths, scoped middleware and merged hooks. */
export function flattenApp(state: AppState, hooks: HookLists): FlatApp {
  const own = state.errorHandler
  const flat: FlatApp = { routes: [], middleware: [], hooks, errorHandlers: own === undefined ? [] : [own] }
  collect(state, '', [], flat.errorHandlers, flat)
  return flat
}

function toScoped(prefix: string, scope: string | null, handler: MiddlewareHandler): ScopedMiddleware {
  const segments = parseScope(joinPaths(prefix || '/', scope === null || scope === '*' ? '/*' : scope))
  const guarded = segments.length === 0 ? handler : guardMiddleware(handler, createScopeMatcher(segments))
  return { scope: segments, handler, guarded }
}

/** The pattern's segment lists, or `null` for a pattern only a custom router understands. */
function patternVariants(path: string): PatternSegment[][] | null {
  try {
    return parsePattern(path)
  } catch {
    return null
  }
}

/**
 * Adds the middleware that apply to a route: those whose scope the pattern proves run as they are,
 * those it can reach both inside and outside their scope run behind a path check, the rest not at all.
 */
function applicableMiddleware(path: string, middleware: readonly ScopedMiddleware[], route: FlatRoute): void {
  let variants: PatternSegment[][] | null | undefined
  for (const entry of middleware) {
    let run: MiddlewareHandler = entry.handler
    if (entry.scope.length > 0) {
      variants ??= patternVariants(path)
      const coverage = variants === null ? 'maybe' : scopeCoverage(entry.scope, variants)
      if (coverage === 'never') continue
      if (coverage === 'maybe') run = entry.guarded
    }
    route.handlers.push(entry.handler)
    route.runs.push(run)
  }
}

function collect(
  definition: AppState,
  prefix: string,
  inherited: ScopedMiddleware[],
  errorHandlers: readonly ErrorHandler[],
  flat: FlatApp,
): void {
  const own = definition.middleware.map((entry) => toScoped(prefix, entry.scope, entry.handler))
  const middleware = [...inherited, ...own]
  flat.middleware.push(...own)
  for (const route of definition.routes) {
    const path = prefix === '' ? route.path : joinPaths(prefix, route.path)
    const flatRoute: FlatRoute = { method: route.method, path, handlers: [], runs: [], errorHandlers }
    applicableMiddleware(path, middleware, flatRoute)
    flatRoute.handlers.push(...route.handlers)
    flatRoute.runs.push(...route.handlers)
    flat.routes.push(flatRoute)
  }
  if (prefix !== '') {
    for (const name of Object.keys(definition.hooks) as (keyof HookLists)[]) {
      ;(flat.hooks[name] as unknown[]).push(...definition.hooks[name])
    }
  }
  for (const mount of definition.mounts) {
    const mounted = mount.app['~state']
    const own = mounted.errorHandler
    const handlers = own === undefined ? errorHandlers : [own, ...errorHandlers]
    collect(mounted, joinPaths(prefix || '/', mount.prefix), middleware, handlers, flat)
  }
}

/** Adds every flattened route to the router with its composed chain. */
export function registerRoutes(
  router: Router<RouteEntry>,
  flat: FlatApp,
  rootResponder: ErrorResponder,
  logError: (error: unknown, c: Context) => void,
): void {
  // one responder per app (its list of error handlers); routes of the root app share the root's
  const responders = new Map<readonly ErrorHandler[], ErrorResponder>([[flat.errorHandlers, rootResponder]])
  for (const route of flat.routes) {
    let responder = responders.get(route.errorHandlers)
    if (responder === undefined) {
      responder = createErrorResponder(route.errorHandlers, flat.hooks, logError)
      responders.set(route.errorHandlers, responder)
    }
    // describe() middleware only carries documentation: left out, it costs nothing per request
    const handlers = route.runs.filter(
      (_, index) => index === route.handlers.length - 1 || !isDocumentationOnly(route.handlers[index]!),
    )
    router.add(route.method, route.path, {
      chain: withRequestHooks(composeChain(handlers, responder), flat.hooks, responder),
      path: route.path,
    })
  }
}
