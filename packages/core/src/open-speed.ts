import { type AppState, createAppState } from './_app-state.ts'
import { flattenApp } from './_build.ts'
import type { ChainResult, RouteEntry } from './_compose.ts'
import { createHookLists } from './_hooks.ts'
import { addHook, addPlugin, close, ready } from './_lifecycle.ts'
import { addMiddleware, addMount, addRoute, rebuildIfServing } from './_register.ts'
import { handle } from './_serve.ts'
import type { Context } from './context.ts'
import type { HookName, Hooks } from './hooks.ts'
import type { Plugin } from './plugin.ts'
import { type RequestSource, WebRequestSource } from './request-source.ts'
import type { RouteMethod, RouteMethodOn } from './route-method.ts'
import type { Router } from './router/radix-router.ts'
import type {
  Env,
  ErrorHandler,
  ExecutionContext,
  Handler,
  MiddlewareHandler,
  NotFoundHandler,
  PrefixSchema,
  Schema,
} from './types.ts'
import { toWebResponse } from './web-response.ts'

/** How a path that differs from a route only by a trailing slash is treated. */
export type TrailingSlash = 'strict' | 'redirect'

/** Options for `new OpenSpeed()`. */
export interface OpenSpeedOptions {
  /** Largest request body read, in bytes; bigger bodies get 413. Default 1 MiB. */
  bodyLimit?: number
  /** `strict` (default): `/a/` and `/a` are different paths. `redirect`: 308 to the registered one. */
  trailingSlash?: TrailingSlash
  /** Router factory, for alternative router implementations. */
  router?: () => Router<RouteEntry>
  /** Where unexpected (500) errors are reported. Default: `console.error`. */
  logError?: (error: unknown, c: Context) => void
}

/** A route as `app.routes()` lists it. */
export interface RouteInfo {
  /** Upper-case method, or `ALL`. */
  readonly method: string
  /** The full path pattern, mounts included. */
  readonly path: string
  /** Middleware then the route handler, in the order they run. */
  readonly handlers: readonly (Handler | MiddlewareHandler)[]
}

/** What `app.handle()` returns: adapters write a `FastResponse` directly or convert it. */
export type HandleResult = ChainResult

/**
 * An OpenSpeed application: routes, middleware, plugins and lifecycle. `app.fetch` runs on every
 * Fetch-API runtime (`export default app` works on Bun, Deno and Workers); `@openspeed/adapters-node`
 * serves it on Node with a fast path. Route methods return the app with the route recorded in its
 * type, so chain them to keep a typed contract for clients and OpenAPI.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * const app = new OpenSpeed()
 *   .get('/', (c) => c.text('Hello, OpenSpeed!'))
 *   .get('/users/:id', (c) => c.json({ id: c.req.param('id') }))
 * const response = await app.request('/users/42') // 200 {"id":"42"}
 */
export class OpenSpeed<E extends Env = {}, S extends Schema = {}> {
  get: RouteMethod<E, S, 'get'> = this.#method('GET')
  post: RouteMethod<E, S, 'post'> = this.#method('POST')
  put: RouteMethod<E, S, 'put'> = this.#method('PUT')
  patch: RouteMethod<E, S, 'patch'> = this.#method('PATCH')
  delete: RouteMethod<E, S, 'delete'> = this.#method('DELETE')
  options: RouteMethod<E, S, 'options'> = this.#method('OPTIONS')
  all: RouteMethod<E, S, 'all'> = this.#method('ALL')
  on: RouteMethodOn<E, S> = ((methods: string | string[], path: string, ...handlers: MiddlewareHandler[]) => {
    for (const method of Array.isArray(methods) ? methods : [methods])
      addRoute(this['~state'], method.toUpperCase(), path, handlers)
    return this
  }) as never

  /** @internal What the app registered; read by building and mounting, not part of the public API. */
  readonly '~state': AppState

  constructor(options: OpenSpeedOptions = {}) {
    this['~state'] = createAppState(options)
  }

  #method(method: string): never {
    return ((path: string, ...handlers: MiddlewareHandler[]) => {
      addRoute(this['~state'], method, path, handlers)
      return this
    }) as never
  }

  /**
   * Adds middleware for every request, or for the requests whose path is in a scope: `/admin` and
   * `/admin/*` both cover `/admin` and every path below it, whichever route (or none) answers.
   * Middleware runs in the order it was added, before the route's own handlers; it applies to the
   * routes added before it as well as after it. A scope is checked now: it must start with "/"
   * (or be `*`), and `*` may only be its whole last segment.
   *
   * @example
   * app.use(async (c, next) => { await next(); c.header('x-powered-by', 'openspeed') })
   * app.use('/admin/*', requireAdmin)
   */
  use(...handlers: MiddlewareHandler<E>[]): this
  use(path: string, ...handlers: MiddlewareHandler<E>[]): this
  use(first: string | MiddlewareHandler<E>, ...rest: MiddlewareHandler<E>[]): this {
    addMiddleware(this['~state'], first, rest)
    return this
  }

  /**
   * Mounts a sub-app under a prefix. Its middleware applies only to its own routes, after the
   * parent's; its `onError` handles its routes' errors.
   *
   * @example
   * const admin = new OpenSpeed().use(requireAdmin).get('/stats', (c) => c.json(stats()))
   * app.route('/admin', admin) // GET /admin/stats
   */
  route<P extends string, S2 extends Schema>(
    prefix: P,
    app: OpenSpeed<any, S2>,
  ): OpenSpeed<E, S & PrefixSchema<P, S2>> {
    addMount(this['~state'], prefix, app)
    return this as never
  }

  /**
   * Replaces the error handler. The default answers `HttpError`s with their problem+json and
   * anything else with a 500 that leaks nothing. In a mounted app, an error handler that throws
   * hands the error on to the handler of the app it is mounted in.
   *
   * @example
   * app.onError((error, c) => {
   *   if (error instanceof NotLoggedIn) return c.redirect('/login')
   *   return toProblemResponse(HttpError.isInstance(error) ? error : new HttpError(500), c.req.path)
   * })
   */
  onError(handler: ErrorHandler): this {
    this['~state'].errorHandler = handler
    rebuildIfServing(this['~state'])
    return this
  }

  /**
   * Replaces the 404 answer.
   *
   * @example
   * app.notFound((c) => c.json({ message: 'nothing here' }, 404))
   */
  notFound(handler: NotFoundHandler): this {
    this['~state'].notFoundHandler = handler
    rebuildIfServing(this['~state'])
    return this
  }

  /**
   * Adds a lifecycle hook (see {@link Hooks}). An unknown name or a hook that is not a function
   * throws `OS_ERR_HOOK_UNKNOWN_NAME` / `OS_ERR_HOOK_INVALID_HANDLER`.
   *
   * @example
   * app.addHook('onClose', async () => { await db.end() })
   */
  addHook<K extends HookName>(name: K, hook: Hooks[K]): this {
    addHook(this['~state'], name, hook)
    return this
  }

  /**
   * Registers a plugin. Its dependencies must already be registered; its `setup` runs when the
   * app starts.
   *
   * @example
   * app.register(health, { path: '/healthz' })
   */
  register<O>(plugin: Plugin<O>, ...options: O extends void ? [] : [options: O]): this {
    addPlugin(this['~state'], plugin, options[0])
    return this
  }

  /**
   * Runs plugin setups and `onStart` hooks, then composes every route. Adapters await it before
   * listening; `fetch` awaits it on the first request if needed. Safe to call more than once.
   *
   * @example
   * await app.ready()
   */
  ready(): Promise<void> {
    return ready(this)
  }

  /**
   * Runs the `onClose` hooks, newest first. Adapters call it after draining on shutdown.
   *
   * @example
   * process.once('SIGTERM', () => app.close())
   */
  close(): Promise<void> {
    return close(this)
  }

  /**
   * Handles one request from any runtime. For adapter authors: `fetch` is this plus a Web
   * `Response` conversion; the Node adapter writes a `FastResponse` straight to the socket.
   *
   * @example
   * const result = await app.handle(new WebRequestSource(request))
   */
  handle(
    source: RequestSource,
    env?: unknown,
    executionCtx?: ExecutionContext,
  ): HandleResult | Promise<HandleResult> {
    return handle(this, this['~state'], source, env, executionCtx)
  }

  /**
   * The Fetch-API entry point: `export default app` on Bun, Deno and Cloudflare Workers.
   *
   * @example
   * Bun.serve({ fetch: app.fetch })
   */
  fetch = (request: Request, env?: unknown, executionCtx?: ExecutionContext): Response | Promise<Response> =>
    this.respond(new WebRequestSource(request), env, executionCtx)

  /**
   * Handles one request and answers with a Web `Response` (no body for `HEAD`): `fetch` for a
   * `RequestSource`. For adapters that report connection info or build their own source.
   *
   * @example
   * Bun.serve({ fetch: (request, server) => app.respond(new WebRequestSource(request, () => ({ remote: { address: server.requestIP(request)?.address } }))) })
   */
  respond(
    source: RequestSource,
    env?: unknown,
    executionCtx?: ExecutionContext,
  ): Response | Promise<Response> {
    const result = this.handle(source, env, executionCtx)
    const head = source.method === 'HEAD'
    return result instanceof Promise
      ? result.then((value) => toWebResponse(value, head))
      : toWebResponse(result, head)
  }

  /**
   * Sends a request to the app in memory, without a socket: the test helper.
   *
   * @example
   * const response = await app.request('/users', { method: 'POST', body: JSON.stringify({ name: 'Ada' }),
   *   headers: { 'content-type': 'application/json' } })
   * expect(response.status).toBe(201)
   */
  async request(
    path: string,
    init?: RequestInit,
    env?: unknown,
    executionCtx?: ExecutionContext,
  ): Promise<Response> {
    const url = /^https?:\/\//.test(path) ? path : `http://localhost${path.startsWith('/') ? '' : '/'}${path}`
    return this.fetch(new Request(url, init), env, executionCtx)
  }

  /**
   * The routes the app serves, with full paths (mounts included) and their handlers in the order
   * they run: applicable middleware first, the route handler last. For tooling (OpenAPI, route
   * tables); middleware carry metadata such as their validation schema on the function.
   *
   * @example
   * for (const route of app.routes()) console.log(route.method, route.path, route.handlers.length)
   */
  routes(): RouteInfo[] {
    return flattenApp(this['~state'], createHookLists()).routes.map(({ method, path, handlers }) => ({
      method,
      path,
      handlers,
    }))
  }
}
