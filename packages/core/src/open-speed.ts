import { createErrorResponder, flattenApp, registerRoutes } from './_build.ts'
import type { ChainResult, RouteEntry } from './_compose.ts'
import { defaultLogError, defaultNotFound } from './_defaults.ts'
import type {
  AppDefinition,
  ErrorHandler,
  MiddlewareDefinition,
  NotFoundHandler,
  RouteDefinition,
} from './_definition.ts'
import { handleRequest, type ServingState } from './_handle.ts'
import { parseScope } from './_scope.ts'
import type { RouteMethod, RouteMethodOn } from './_route-types.ts'
import { createUnmatchedChain, type TrailingSlash } from './_unmatched.ts'
import { toWebResponse } from './_web-response.ts'
import type { Context } from './context.ts'
import { assertValidHook, createHookLists } from './_hooks.ts'
import type { HookName, Hooks } from './hooks.ts'
import { OpenSpeedError } from './openspeed-error.ts'
import type { Plugin } from './plugin.ts'
import { type RequestSource, WebRequestSource } from './request-source.ts'
import { RadixRouter, type Router } from './router/radix-router.ts'
import type { Env, ExecutionContext, Handler, MiddlewareHandler, PrefixSchema, Schema } from './types.ts'

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

/** Reads what an app registered; used when building, not part of the public API. */
export let readDefinition: (app: OpenSpeed<any, any>) => AppDefinition

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

const kDefaultBodyLimit = 1024 * 1024

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
  get: RouteMethod<E, S, 'get'>
  post: RouteMethod<E, S, 'post'>
  put: RouteMethod<E, S, 'put'>
  patch: RouteMethod<E, S, 'patch'>
  delete: RouteMethod<E, S, 'delete'>
  options: RouteMethod<E, S, 'options'>
  all: RouteMethod<E, S, 'all'>
  on: RouteMethodOn<E, S>

  readonly #options: OpenSpeedOptions
  readonly #routes: RouteDefinition[] = []
  readonly #middleware: MiddlewareDefinition[] = []
  readonly #mounts: AppDefinition['mounts'] = []
  readonly #hooks = createHookLists()
  readonly #plugins: { plugin: Plugin<any>; options: unknown }[] = []
  #errorHandler: ErrorHandler | undefined
  #notFoundHandler: NotFoundHandler | undefined
  #serving: ServingState | undefined
  #started = false
  #ready: Promise<void> | undefined
  #pluginsRun: Promise<void> | undefined
  #closed: Promise<void> | undefined

  constructor(options: OpenSpeedOptions = {}) {
    this.#options = options
    const add =
      (method: string) =>
      (path: string, ...handlers: MiddlewareHandler[]) =>
        this.#addRoute(method, path, handlers)
    this.get = add('GET') as never
    this.post = add('POST') as never
    this.put = add('PUT') as never
    this.patch = add('PATCH') as never
    this.delete = add('DELETE') as never
    this.options = add('OPTIONS') as never
    this.all = add('ALL') as never
    this.on = ((methods: string | string[], path: string, ...handlers: MiddlewareHandler[]) => {
      for (const method of Array.isArray(methods) ? methods : [methods])
        this.#addRoute(method.toUpperCase(), path, handlers)
      return this
    }) as never
  }

  #addRoute(method: string, path: string, handlers: MiddlewareHandler[]): this {
    if (handlers.length === 0) throw new TypeError(`The route ${method} ${path} has no handler`)
    const route = { method, path, handlers }
    this.#routes.push(route)
    if (this.#serving !== undefined) this.#build()
    return this
  }

  #assertNotStarted(what: string): void {
    if (this.#started) {
      throw new OpenSpeedError(
        'OS_ERR_APP_ALREADY_STARTED',
        `${what} must be added before the app starts serving`,
      )
    }
  }

  /**
   * Adds middleware for every route, or for the routes under a path (`/api` or `/api/*`).
   * Middleware runs in the order it was added, before the route's own handlers.
   *
   * @example
   * app.use(async (c, next) => { await next(); c.header('x-powered-by', 'openspeed') })
   * app.use('/admin/*', requireAdmin)
   */
  use(...handlers: MiddlewareHandler<E>[]): this
  use(path: string, ...handlers: MiddlewareHandler<E>[]): this
  use(first: string | MiddlewareHandler<E>, ...rest: MiddlewareHandler<E>[]): this {
    this.#assertNotStarted('Middleware')
    const scope = typeof first === 'string' ? first : null
    if (scope !== null) parseScope(scope)
    const handlers = typeof first === 'string' ? rest : [first, ...rest]
    for (const handler of handlers) this.#middleware.push({ scope, handler })
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
    this.#assertNotStarted('Mounted apps')
    if (!prefix.startsWith('/')) throw new TypeError(`The mount prefix "${prefix}" must start with "/"`)
    this.#mounts.push({ prefix, app })
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
    this.#errorHandler = handler
    if (this.#serving !== undefined) this.#build()
    return this
  }

  /**
   * Replaces the 404 answer.
   *
   * @example
   * app.notFound((c) => c.json({ message: 'nothing here' }, 404))
   */
  notFound(handler: NotFoundHandler): this {
    this.#notFoundHandler = handler
    if (this.#serving !== undefined) this.#build()
    return this
  }

  /**
   * Adds a lifecycle hook (see {@link Hooks}).
   *
   * @example
   * app.addHook('onClose', async () => { await db.end() })
   */
  addHook<K extends HookName>(name: K, hook: Hooks[K]): this {
    assertValidHook(name, hook)
    if (name !== 'onClose' && name !== 'onError') this.#assertNotStarted(`The ${name} hook`)
    this.#hooks[name].push(hook as never)
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
    this.#assertNotStarted(`The plugin "${plugin.name}"`)
    const names = new Set(this.#plugins.map((entry) => entry.plugin.name))
    if (names.has(plugin.name)) {
      throw new OpenSpeedError('OS_ERR_PLUGIN_DUPLICATE', `The plugin "${plugin.name}" is already registered`)
    }
    for (const dependency of plugin.dependencies ?? []) {
      if (!names.has(dependency)) {
        throw new OpenSpeedError(
          'OS_ERR_PLUGIN_MISSING_DEPENDENCY',
          `The plugin "${plugin.name}" depends on "${dependency}", which must be registered before it`,
        )
      }
    }
    this.#plugins.push({ plugin, options: options[0] })
    return this
  }

  /**
   * Runs plugin setups and `onStart` hooks, then composes every route. Adapters await it before
   * listening; `fetch` awaits it on the first request if needed. Safe to call more than once.
   */
  ready(): Promise<void> {
    this.#ready ??= (async () => {
      await this.#runPlugins()
      this.#build()
      for (const hook of this.#serving!.hooks.onStart) await hook(this)
      this.#started = true
    })()
    return this.#ready
  }

  /** Runs the `onClose` hooks, newest first. Adapters call it after draining on shutdown. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      const hooks = this.#serving?.hooks.onClose ?? this.#hooks.onClose
      for (const hook of [...hooks].reverse()) await hook(this)
    })()
    return this.#closed
  }

  #runPlugins(): Promise<void> {
    this.#pluginsRun ??= (async () => {
      for (const { plugin, options } of this.#plugins) await plugin.setup(this, options)
      for (const mount of this.#mounts) await mount.app.#runPlugins()
    })()
    return this.#pluginsRun
  }

  #build(): void {
    const logError = this.#options.logError ?? defaultLogError
    const hooks = createHookLists()
    for (const name of Object.keys(hooks) as HookName[]) (hooks[name] as unknown[]).push(...this.#hooks[name])
    const flat = flattenApp(this, hooks)
    const router = this.#options.router?.() ?? new RadixRouter<RouteEntry>()
    const responder = createErrorResponder(flat.errorHandlers, hooks, logError)
    registerRoutes(router, flat, responder, logError)
    const notFound = this.#notFoundHandler ?? defaultNotFound
    this.#serving = {
      router,
      hooks,
      onError: responder,
      unmatched: createUnmatchedChain(
        router,
        flat,
        notFound,
        this.#options.trailingSlash ?? 'strict',
        responder,
      ),
      contextOptions: { bodyLimit: this.#options.bodyLimit ?? kDefaultBodyLimit, notFound },
    }
  }

  /**
   * Handles one request from any runtime. For adapter authors: `fetch` is this plus a Web
   * `Response` conversion; the Node adapter writes a `FastResponse` straight to the socket.
   */
  handle(
    source: RequestSource,
    env?: unknown,
    executionCtx?: ExecutionContext,
  ): HandleResult | Promise<HandleResult> {
    if (this.#started) return handleRequest(this.#serving!, source, env, executionCtx)
    if (!this.#needsAsyncStart()) {
      this.#build()
      this.#started = true
      return handleRequest(this.#serving!, source, env, executionCtx)
    }
    return this.ready().then(() => handleRequest(this.#serving!, source, env, executionCtx))
  }

  #needsAsyncStart(): boolean {
    return (
      this.#plugins.length > 0 ||
      this.#hooks.onStart.length > 0 ||
      this.#mounts.some((mount) => mount.app.#needsAsyncStart())
    )
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
    return flattenApp(this, createHookLists()).routes.map(({ method, path, handlers }) => ({
      method,
      path,
      handlers,
    }))
  }

  static {
    readDefinition = (app) => ({
      routes: app.#routes,
      middleware: app.#middleware,
      mounts: app.#mounts,
      errorHandler: app.#errorHandler,
      hooks: app.#hooks,
    })
  }
}
