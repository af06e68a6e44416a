import { type ComposedChain, composeChain, type ErrorResponder, type RouteEntry } from './_compose.ts'
import type { AppDefinition, ErrorHandler } from './_definition.ts'
import {
  createScopeMatcher,
  guardMiddleware,
  joinPaths,
  parseScope,
  type ScopeSegment,
  scopeCoverage,
} from './_scope.ts'
import type { Context } from './context.ts'
import type { HookLists } from './_hooks.ts'
import { HttpError } from './http-error.ts'
import { type OpenSpeed, readDefinition } from './open-speed.ts'
import { toProblemResponse } from './problem.ts'
import { isDocumentationOnly } from './route-meta.ts'
import { type PatternSegment, parsePattern } from './router/_pattern.ts'
import type { Router } from './router/radix-router.ts'
import type { Handler, MiddlewareHandler } from './types.ts'

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
  handlers: (Handler | MiddlewareHandler)[]
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
export function flattenApp(app: OpenSpeed<any, any>, hooks: HookLists): FlatApp {
  const own = readDefinition(app).errorHandler
  const flat: FlatApp = { routes: [], middleware: [], hooks, errorHandlers: own === undefined ? [] : [own] }
  collect(app, '', [], flat.errorHandlers, flat)
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
function applicableMiddleware(
  path: string,
  middleware: readonly ScopedMiddleware[],
  handlers: (Handler | MiddlewareHandler)[],
): void {
  let variants: PatternSegment[][] | null | undefined
  for (const entry of middleware) {
    if (entry.scope.length === 0) {
      handlers.push(entry.handler)
      continue
    }
    variants ??= patternVariants(path)
    const coverage = variants === null ? 'maybe' : scopeCoverage(entry.scope, variants)
    if (coverage !== 'never') handlers.push(coverage === 'always' ? entry.handler : entry.guarded)
  }
}

function collect(
  app: OpenSpeed<any, any>,
  prefix: string,
  inherited: ScopedMiddleware[],
  errorHandlers: readonly ErrorHandler[],
  flat: FlatApp,
): void {
  const definition: AppDefinition = readDefinition(app)
  const own = definition.middleware.map((entry) => toScoped(prefix, entry.scope, entry.handler))
  const middleware = [...inherited, ...own]
  flat.middleware.push(...own)
  for (const route of definition.routes) {
    const path = prefix === '' ? route.path : joinPaths(prefix, route.path)
    const handlers: (Handler | MiddlewareHandler)[] = []
    applicableMiddleware(path, middleware, handlers)
    handlers.push(...route.handlers)
    flat.routes.push({ method: route.method, path, handlers, errorHandlers })
  }
  if (prefix !== '') {
    for (const name of Object.keys(definition.hooks) as (keyof HookLists)[]) {
      ;(flat.hooks[name] as unknown[]).push(...definition.hooks[name])
    }
  }
  for (const mount of definition.mounts) {
    const own = readDefinition(mount.app).errorHandler
    const handlers = own === undefined ? errorHandlers : [own, ...errorHandlers]
    collect(mount.app, joinPaths(prefix || '/', mount.prefix), middleware, handlers, flat)
  }
}

/**
 * Builds the function that turns any error into a response. The nearest error handler answers
 * first; one that throws hands what it threw to the next (the app the route's app is mounted in),
 * and past the last one the default problem response answers.
 */
export function createErrorResponder(
  errorHandlers: readonly ErrorHandler[],
  hooks: HookLists,
  logError: (error: unknown, c: Context) => void,
): ErrorResponder {
  const fallback = (error: unknown, c: Context) => {
    if (HttpError.isInstance(error)) return toProblemResponse(error, c.req.path)
    logError(error, c)
    return toProblemResponse(HttpError.fromCode('OS_ERR_INTERNAL'), c.req.path)
  }
  const observers = hooks.onError
  return (error, c) => {
    c.error = error
    for (const observe of observers) {
      try {
        Promise.resolve(observe(error, c)).catch((failure: unknown) => logError(failure, c))
      } catch (failure) {
        logError(failure, c)
      }
    }
    return respond(error, c, 0)
  }
  function respond(error: unknown, c: Context, index: number): ReturnType<ErrorResponder> {
    const handler = errorHandlers[index]
    if (handler === undefined) return fallback(error, c)
    try {
      const result = handler(error, c)
      return result instanceof Promise
        ? result.catch((failure: unknown) => respond(failure, c, index + 1))
        : result
    } catch (failure) {
      return respond(failure, c, index + 1)
    }
  }
}

/** Wraps a chain with the app's `onRequest` / `onResponse` hooks (only when there are some). */
export function withRequestHooks(
  chain: ComposedChain,
  hooks: HookLists,
  onError: ErrorResponder,
): ComposedChain {
  const { onRequest, onResponse } = hooks
  if (onRequest.length === 0 && onResponse.length === 0) return chain
  return async (c) => {
    try {
      for (const hook of onRequest) {
        const early = await hook(c)
        if (early !== undefined) {
          c.res = early
          break
        }
      }
      if (c.res === undefined) await chain(c)
      for (const hook of onResponse) await hook(c, c.res!)
      return c.res!
    } catch (error) {
      c.res = await onError(error, c)
      return c.res
    }
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
    const handlers = route.handlers.filter(
      (handler, index) => index === route.handlers.length - 1 || !isDocumentationOnly(handler),
    )
    router.add(route.method, route.path, {
      chain: withRequestHooks(composeChain(handlers, responder), flat.hooks, responder),
      path: route.path,
    })
  }
}
