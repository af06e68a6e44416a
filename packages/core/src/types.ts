import type { Context } from './context.ts'
import type { FastResponse } from './fast-response.ts'

/**
 * The app's environment: typed `c.set/c.get` variables and the platform bindings in `c.env`.
 *
 * @example
 * type AppEnv = { Variables: { user: { id: string } }; Bindings: { DATABASE_URL: string } }
 * const app = new OpenSpeed<AppEnv>()
 */
export interface Env {
  Variables?: object
  Bindings?: object
}

/** The parts of a request a validator can read. */
export type ValidationTarget = 'json' | 'form' | 'query' | 'params' | 'headers' | 'cookie'

/** Validated inputs, by target, as recorded in a route's type. */
export type Input = { [K in ValidationTarget]?: unknown } & { readonly '~input'?: unknown }

/** The `waitUntil` half of a platform execution context (Workers, Vercel, Deno). */
export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void
  passThroughOnException?(): void
}

/** Everything a handler may return. Plain strings become text, other plain values JSON. */
export type HandlerResult =
  | Response
  | FastResponse<any>
  | string
  | number
  | boolean
  | object
  | null
  | undefined
  | void

/**
 * Turns an error into a response (`app.onError`).
 *
 * @example
 * const onError: ErrorHandler = (error, c) => c.json({ message: 'try again later' }, 503)
 */
export type ErrorHandler = (
  error: unknown,
  c: Context,
) => Response | FastResponse | Promise<Response | FastResponse>

/**
 * Answers requests no route matches (`app.notFound`).
 *
 * @example
 * const notFound: NotFoundHandler = (c) => c.json({ missing: c.req.path }, 404)
 */
export type NotFoundHandler = (c: Context) => Response | FastResponse | Promise<Response | FastResponse>

/** Calls the next middleware or the route handler. */
export type Next = () => Promise<void>

/**
 * A route handler: receives the context and returns a response (or a plain value).
 *
 * @example
 * const hello: Handler = (c) => c.text('hello')
 */
export type Handler<
  E extends Env = any,
  P extends string = any,
  I extends Input = {},
  R extends HandlerResult = HandlerResult,
> = (c: Context<E, P, I>, next: Next) => R | Promise<R>

/**
 * Middleware: runs before the handler, calls `await next()` to continue, and may return a
 * response to stop early. After `next()` it sees the response in `c.res`.
 *
 * @example
 * const timing: MiddlewareHandler = async (c, next) => {
 *   const start = performance.now()
 *   await next()
 *   c.header('server-timing', `app;dur=${performance.now() - start}`)
 * }
 */
export type MiddlewareHandler<E extends Env = any, P extends string = any, I extends Input = {}> = (
  c: Context<E, P, I>,
  next: Next,
) => Promise<Response | FastResponse<any> | void> | Response | FastResponse<any> | void

type ParamName<Segment extends string, Optional extends boolean> = Segment extends `:${infer Name}{${string}}`
  ? Optional extends false
    ? Name
    : never
  : Segment extends `:${infer Name}?`
    ? Optional extends true
      ? Name
      : never
    : Segment extends `:${infer Name}`
      ? Optional extends false
        ? Name
        : never
      : Segment extends `*${infer Name}`
        ? Optional extends false
          ? Name extends ''
            ? '*'
            : Name
          : never
        : never

type SegmentNames<P extends string, Optional extends boolean> = P extends `${infer Head}/${infer Tail}`
  ? ParamName<Head, Optional> | SegmentNames<Tail, Optional>
  : ParamName<P, Optional>

/**
 * The route parameters of a path pattern, inferred from the string.
 *
 * @example
 * type P = PathParams<'/users/:id/files/*rest'> // { id: string; rest: string }
 */
export type PathParams<P extends string> = string extends P
  ? Record<string, string>
  : Simplify<{ [K in SegmentNames<P, false>]: string } & { [K in SegmentNames<P, true>]?: string }>

type Simplify<T> = { [K in keyof T]: T[K] } & {}

/** The JSON body type a handler result carries, for typed clients and OpenAPI. */
export type ResultOutput<R> = R extends FastResponse<infer T> ? T : R extends Response ? unknown : R

/** One route as recorded in the app's type. */
export interface Endpoint<I extends Input = Input, O = unknown> {
  input: I
  output: O
}

/** The app's routes by path and lower-case method, as recorded in its type. */
export type Schema = { [path: string]: { [method: string]: Endpoint } }

/** Adds one route to a schema type. */
export type AddRoute<S extends Schema, M extends string, P extends string, I extends Input, R> = S & {
  [K in P]: { [X in M]: Endpoint<I, ResultOutput<Awaited<R>>> }
}

/** A schema with every path prefixed, for mounted sub-apps. */
export type PrefixSchema<Prefix extends string, S extends Schema> = {
  [K in keyof S & string as JoinPath<Prefix, K>]: S[K]
}

/** Joins a mount prefix and a route path the way `app.route()` does. */
export type JoinPath<A extends string, B extends string> = B extends '/'
  ? A extends ''
    ? '/'
    : A
  : A extends `${infer Head}/`
    ? `${Head}${B}`
    : `${A}${B}`
