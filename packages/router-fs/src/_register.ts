import { describe, type ErrorHandler, type MiddlewareHandler, OpenSpeed, validate } from '@openspeed/core'
import { checkErrorHandler, checkLayout, checkMiddleware, checkRouteModule } from './_exports.ts'
import type { PlannedRoute, RoutePlan } from './_plan.ts'
import type { FileRouteInfo, Layout } from './types.ts'

/** Finds the module of a route-relative file. */
export type ModuleLookup = (file: string) => Record<string, unknown>

function provide(layout: Layout): MiddlewareHandler {
  return async (c, next) => {
    const variables = await layout(c)
    for (const key in variables) c.set(key as never, variables[key] as never)
    await next()
  }
}

/** Error handlers nearest first: one that throws hands the error to the next (enclosing) one. */
function chainErrorHandlers(handlers: readonly ErrorHandler[]): ErrorHandler {
  const run: ErrorHandler = (error, c) => at(0, error, c)
  const at = (index: number, error: unknown, c: Parameters<ErrorHandler>[1]): ReturnType<ErrorHandler> => {
    const handler = handlers[index]
    if (handler === undefined) throw error
    try {
      const result = handler(error, c)
      return result instanceof Promise ? result.catch((next: unknown) => at(index + 1, next, c)) : result
    } catch (next) {
      return at(index + 1, next, c)
    }
  }
  return run
}

// a `[...rest]` catch-all needs at least one segment; the router also matches it with none
function requireRest(name: string): MiddlewareHandler {
  return (c, next) => (c.req.param(name as never) === '' ? c.notFound() : next())
}

/** Normalises a mount prefix: `''` for none, else `/api` (no trailing slash). */
export function normalizePrefix(prefix: string | undefined): string {
  if (prefix === undefined || prefix === '' || prefix === '/') return ''
  if (!prefix.startsWith('/')) throw new TypeError(`The prefix "${prefix}" must start with "/"`)
  return prefix.endsWith('/') ? prefix.slice(0, -1) : prefix
}

/** A route pattern under a normalised prefix: `''` + `/a` is `/a`, `/api` + `/` is `/api`. */
export function withPrefix(prefix: string, pattern: string): string {
  return prefix !== '' && pattern === '/' ? prefix : prefix + pattern
}

/**
 * Registers planned routes on `target` under `prefix`: one container app mounted once, with one
 * sub-app per distinct `_error` chain (core flattens mounts when it builds, so neither costs
 * anything per request). Throws a `FileRouteError` naming the file whose exports are invalid.
 */
export function registerPlan(
  target: OpenSpeed<any, any>,
  plan: RoutePlan,
  modules: ModuleLookup,
  prefix: string,
): FileRouteInfo[] {
  const middleware = new Map<string, MiddlewareHandler[]>()
  const stepHandlers = (route: PlannedRoute): MiddlewareHandler[] => {
    const list: MiddlewareHandler[] = []
    for (const step of route.chain) {
      let handlers = middleware.get(step.file)
      if (handlers === undefined) {
        const module = modules(step.file)
        handlers =
          step.kind === 'middleware'
            ? checkMiddleware(step.file, module)
            : [provide(checkLayout(step.file, module))]
        middleware.set(step.file, handlers)
      }
      list.push(...handlers)
    }
    return list
  }
  const container = new OpenSpeed()
  const boundaries = new Map<string, OpenSpeed>()
  const appFor = (errors: readonly string[]): OpenSpeed => {
    if (errors.length === 0) return container
    const key = errors.join('\n')
    let app = boundaries.get(key)
    if (app === undefined) {
      const handlers = errors.map((file) => checkErrorHandler(file, modules(file))).reverse()
      app = new OpenSpeed().onError(chainErrorHandlers(handlers))
      boundaries.set(key, app)
    }
    return app
  }
  const registered: FileRouteInfo[] = []
  for (const route of plan.routes) {
    const checked = checkRouteModule(route.file, modules(route.file))
    const before: MiddlewareHandler[] = []
    const last = route.segments[route.segments.length - 1]
    if (last?.kind === 'catch-all' && !last.optional) before.push(requireRest(last.name))
    before.push(...stepHandlers(route))
    if (checked.params !== undefined) before.push(validate('params', checked.params))
    const app = appFor(route.errors)
    for (const { method, handler, validators, description } of checked.methods) {
      const own = validators.map(([where, schema]) => validate(where, schema))
      if (description !== undefined) own.push(describe(description))
      app.on(method, route.pattern, ...before, ...own, handler as MiddlewareHandler)
      registered.push({
        method,
        path: withPrefix(prefix, route.pattern),
        file: route.file,
      })
    }
  }
  for (const app of boundaries.values()) container.route('/', app)
  target.route(prefix === '' ? '/' : prefix, container)
  return registered
}
