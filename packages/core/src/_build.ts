import { type ComposedChain, composeChain, type ErrorResponder, type RouteEntry } from './_compose.ts'
import type { AppDefinition, ErrorHandler } from './_definition.ts'
import { joinPaths, scopeCovers } from './_scope.ts'
import type { Context } from './context.ts'
import type { HookLists } from './hooks.ts'
import { HttpError } from './http-error.ts'
import { type OpenSpeed, readDefinition } from './open-speed.ts'
import { toProblemResponse } from './problem.ts'
import { isDocumentationOnly } from './route-meta.ts'
import type { Router } from './router/radix-router.ts'
import type { Handler, MiddlewareHandler } from './types.ts'

interface ScopedMiddleware {
  scope: string
  handler: MiddlewareHandler
}

/** A route as the app serves it, after mounts are flattened. */
export interface FlatRoute {
  method: string
  path: string
  handlers: (Handler | MiddlewareHandler)[]
  errorHandler: ErrorHandler | undefined
}

/** Everything an app and its mounted sub-apps registered, flattened. */
export interface FlatApp {
  routes: FlatRoute[]
  middleware: ScopedMiddleware[]
  hooks: HookLists
}

/** Flattens an app and its mounts into full paths, scoped middleware and merged hooks. */
export function flattenApp(app: OpenSpeed<any, any>, hooks: HookLists): FlatApp {
  const flat: FlatApp = { routes: [], middleware: [], hooks }
  collect(app, '', [], undefined, flat)
  return flat
}

function collect(
  app: OpenSpeed<any, any>,
  prefix: string,
  inherited: ScopedMiddleware[],
  inheritedErrorHandler: ErrorHandler | undefined,
  flat: FlatApp,
): void {
  const definition: AppDefinition = readDefinition(app)
  const own = definition.middleware.map((entry) => ({
    scope: joinPaths(prefix || '/', entry.scope ?? '/*'),
    handler: entry.handler,
  }))
  const middleware = [...inherited, ...own]
  flat.middleware.push(...own)
  const errorHandler = definition.errorHandler ?? inheritedErrorHandler
  for (const route of definition.routes) {
    const path = prefix === '' ? route.path : joinPaths(prefix, route.path)
    const applicable = middleware
      .filter((entry) => scopeCovers(entry.scope, path))
      .map((entry) => entry.handler)
    flat.routes.push({
      method: route.method,
      path,
      handlers: [...applicable, ...route.handlers],
      errorHandler,
    })
  }
  if (prefix !== '') {
    for (const name of Object.keys(definition.hooks) as (keyof HookLists)[]) {
      ;(flat.hooks[name] as unknown[]).push(...definition.hooks[name])
    }
  }
  for (const mount of definition.mounts) {
    collect(mount.app, joinPaths(prefix || '/', mount.prefix), middleware, errorHandler, flat)
  }
}

/** Builds the function that turns any error into a response, for one error handler. */
export function createErrorResponder(
  errorHandler: ErrorHandler | undefined,
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
    if (errorHandler === undefined) return fallback(error, c)
    try {
      const result = errorHandler(error, c)
      return result instanceof Promise ? result.catch((failure: unknown) => fallback(failure, c)) : result
    } catch (failure) {
      return fallback(failure, c)
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
  root: { errorHandler: ErrorHandler | undefined; responder: ErrorResponder },
  logError: (error: unknown, c: Context) => void,
): void {
  // one responder per distinct error handler; routes of the root app share the root's
  const responders = new Map<ErrorHandler | undefined, ErrorResponder>([[root.errorHandler, root.responder]])
  for (const route of flat.routes) {
    let responder = responders.get(route.errorHandler)
    if (responder === undefined) {
      responder = createErrorResponder(route.errorHandler, flat.hooks, logError)
      responders.set(route.errorHandler, responder)
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
