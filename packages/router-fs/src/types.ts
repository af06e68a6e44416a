import type {
  Context,
  Env,
  ErrorHandler,
  Handler,
  InferSchemaOutput,
  MiddlewareHandler,
  RouteDescription,
  StandardSchemaV1,
  ValidationTarget,
} from '@openspeed/core'

/**
 * The methods a route file can export a handler for, besides `default` (every method).
 *
 * @example
 * const methods: RouteMethodName[] = ['GET', 'POST']
 */
export type RouteMethodName = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS'

/**
 * Schemas for one method: the request parts it validates, and its responses by status.
 *
 * @example
 * export const schema = { POST: { json: NewBook, response: { 201: Book } } } satisfies RouteSchemas
 */
export interface MethodSchemas {
  query?: StandardSchemaV1
  json?: StandardSchemaV1
  form?: StandardSchemaV1
  headers?: StandardSchemaV1
  cookie?: StandardSchemaV1
  /** Response body schemas by status (`{ 200: Book, 404: Problem }`); documentation only. */
  response?: Record<number, StandardSchemaV1>
}

/**
 * What a route file may export as `schema`: members shared by every method, plus per-method ones
 * under the method's name (`{ query, POST: { json } }`). Each request schema is validated before
 * the handler, like core's `validate()`; response schemas go to core's `describe()`.
 *
 * @example
 * export const schema = { query: Paging, POST: { json: NewBook } } satisfies RouteSchemas
 */
export type RouteSchemas = MethodSchemas & { [M in RouteMethodName]?: MethodSchemas }

/**
 * The exports of a route file. Anything else it exports is ignored.
 *
 * @example
 * import * as route from './routes/users/[id].ts'
 * route satisfies RouteModule
 */
export interface RouteModule {
  GET?: Handler
  POST?: Handler
  PUT?: Handler
  PATCH?: Handler
  DELETE?: Handler
  HEAD?: Handler
  OPTIONS?: Handler
  /** Answers every method the file does not export a handler for. */
  default?: Handler
  /** A Standard Schema for the URL parameters; a value that fails gets a 400 problem response. */
  params?: StandardSchemaV1
  schema?: RouteSchemas
  /**
   * Documentation for `@openspeed/openapi` (summary, tags, ...), passed to core's `describe()`;
   * shared by every method, with per-method members under the method's name.
   */
  meta?: RouteDescription & { [M in RouteMethodName]?: RouteDescription }
}

/**
 * What a `_layout` file exports as `default`: the variables its subtree's handlers read.
 *
 * @example
 * // routes/_layout.ts
 * export default (async (c) => ({ user: await loadUser(c) })) satisfies Layout
 */
export type Layout<V extends object = Record<string, unknown>> = (c: Context) => V | Promise<V>

/**
 * What a `_middleware` file exports as `default`: one middleware or a list, run in order.
 *
 * @example
 * // routes/admin/_middleware.ts
 * export default [requireLogin, requireAdmin] satisfies FolderMiddleware
 */
export type FolderMiddleware = MiddlewareHandler | readonly MiddlewareHandler[]

/**
 * What an `_error` file exports as `default`: core's error handler shape.
 *
 * @example
 * // routes/users/_error.ts
 * export default ((error, c) => c.json({ message: 'users are unavailable' }, 503)) satisfies FolderErrorHandler
 */
export type FolderErrorHandler = ErrorHandler

/**
 * The validated inputs a set of schemas gives a handler (`params` plus `schema`'s members).
 *
 * @example
 * type Input = RouteInput<{ params: typeof params; query: typeof Paging }> // { params: ...; query: ... }
 */
export type RouteInput<S> = {
  [K in keyof S & ValidationTarget]: S[K] extends StandardSchemaV1 ? InferSchemaOutput<S[K]> : never
}

/**
 * The type of a route file's handler, with `c.req.valid()` typed from the file's `params` and
 * `schema` exports and `c.get()` typed from the app's environment.
 *
 * @example
 * import type { RouteHandler } from '@openspeed/router-fs'
 * import { z } from 'zod'
 * export const params = z.object({ id: z.coerce.number().int() })
 * export const GET: RouteHandler<{ params: typeof params }> = (c) =>
 *   c.json({ id: c.req.valid('params').id }) // id: number
 */
export type RouteHandler<
  S extends { params?: StandardSchemaV1 } & RouteSchemas = {},
  E extends Env = any,
> = Handler<E, any, RouteInput<S>>

/**
 * The methods a route module answers (`'ALL'` when it exports `default`); used by generated types.
 *
 * @example
 * type Methods = RouteMethodsOf<typeof import('./routes/users/[id].ts')> // 'GET' | 'DELETE'
 */
export type RouteMethodsOf<M> =
  | Extract<keyof M, RouteMethodName>
  | (M extends { default: unknown } ? 'ALL' : never)

/**
 * The validated params of a route module: its `params` schema's output, else `Fallback` (the raw
 * strings from the path); used by generated types.
 *
 * @example
 * type Params = RouteParamsOf<typeof import('./routes/users/[id].ts'), { id: string }>
 */
export type RouteParamsOf<M, Fallback> = M extends { params: infer S extends StandardSchemaV1 }
  ? InferSchemaOutput<S>
  : Fallback

/**
 * The variables a `_layout` module provides; used by generated types.
 *
 * @example
 * type Vars = LayoutVariablesOf<typeof import('./routes/_layout.ts')> // { site: string }
 */
export type LayoutVariablesOf<M> = M extends { default: (...args: any[]) => infer R } ? Awaited<R> : {}

/**
 * A routes manifest: every file a routes folder needs, by route-relative path, with its module.
 * `buildRouteManifest()` writes one as a module with static imports.
 *
 * @example
 * import * as home from './routes/index.ts'
 * const manifest: RouteManifest = { 'index.ts': home }
 */
export type RouteManifest = Readonly<Record<string, Readonly<Record<string, unknown>>>>

/**
 * One route registered from a file: method (`ALL` for `default`), full path and file.
 *
 * @example
 * const routes: FileRouteInfo[] = await fileRoutes(app, { dir: 'routes' })
 * // [{ method: 'GET', path: '/users/:id', file: 'users/[id].ts' }, ...]
 */
export interface FileRouteInfo {
  method: string
  path: string
  file: string
}
