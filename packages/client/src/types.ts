import type { OpenSpeed, PathParams, ProblemDetails, Schema } from '@openspeed/core'

/**
 * The routes a client is typed from: an app's type (`typeof app`), or a route map of the same
 * shape — a generated contract or a hand-written one.
 *
 * @example
 * type Routes = RoutesOf<typeof app> // { '/books': { get: Endpoint<...>; post: ... }; ... }
 */
export type RoutesOf<T> = T extends OpenSpeed<any, infer S> ? S : T extends Schema ? T : never

/** The methods a client has a shortcut for; `client.request(method, ...)` takes any other. */
export type ClientMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options'

/** The paths of `S` that answer `M` (routes added with `app.all()` answer every method). */
// `S[P] extends { [K in M]: ... }` rather than `M extends keyof S[P]`: on documents with hundreds
// of paths, computing `keyof` of every path item costs seconds of type-checking
export type PathsFor<S, M extends string> = {
  [P in keyof S & string]: S[P] extends { [K in M]: unknown } ? P : S[P] extends { all: unknown } ? P : never
}[keyof S & string]

/** The endpoint that answers method `M` at path `P`. */
export type EndpointAt<S, P extends keyof S, M extends string> = S[P] extends { [K in M]: infer E }
  ? E
  : S[P] extends { all: infer E }
    ? E
    : never

/**
 * The JSON a value turns into on the wire: `toJSON()` applied (a `Date` arrives as a string),
 * functions and symbols dropped.
 *
 * @example
 * type T = JsonOf<{ at: Date; n: number }> // { at: string; n: number }
 */
export type JsonOf<T> = unknown extends T
  ? T
  : T extends { toJSON(): infer J }
    ? J
    : T extends string | number | boolean | null | undefined
      ? T
      : T extends symbol | ((...args: any[]) => unknown)
        ? never
        : { [K in keyof T]: JsonOf<T[K]> }

/** What a query value may be: scalars and dates are sent as text, arrays repeat the key. */
export type QueryValue = string | number | boolean | bigint | Date | null | undefined

// what a client sends: the schemas' input types (recorded by validate() under `~input`) replace
// their output types, so a field with a default is optional
type SentInput<I> = I extends { readonly '~input'?: infer W }
  ? Omit<I, keyof W | '~input'> & NonNullable<W>
  : I
type InputOf<E> = [E] extends [{ input: infer I }] ? SentInput<I> : {}
type HasKeys<T> = [keyof T] extends [never] ? false : true

// parsing a pattern is costly and TypeScript may do it for every path of a contract at once while
// it infers the path: only patterns with a `:name` or `*` are parsed
type PatternParamsPart<P extends string> = P extends `${string}${':' | '*'}${string}`
  ? HasKeys<PathParams<P>> extends false
    ? { params?: never }
    : {} extends PathParams<P>
      ? { params?: { [K in keyof PathParams<P>]: string | number } }
      : { params: { [K in keyof PathParams<P>]: string | number } }
  : { params?: never }

type ParamsPart<P extends string, I> = [I] extends [{ params: infer X }]
  ? { params: { [K in keyof X]: X[K] | (X[K] extends string ? number : never) } }
  : PatternParamsPart<P>

// a query value may also be given as the text it is sent as: `'5'` for a number, `'true'` for a boolean
type QueryText<T> = T extends number
  ? `${number}`
  : T extends boolean
    ? `${boolean}`
    : T extends bigint
      ? `${bigint}`
      : never
type QueryInput<T> = T extends readonly (infer U)[] ? readonly (U | QueryText<U>)[] : T | QueryText<T>

type QueryPart<I> = [I] extends [{ query: infer Q }]
  ? { query?: { [K in keyof Q]?: QueryInput<Q[K]> } }
  : { query?: Readonly<Record<string, QueryValue | readonly QueryValue[]>> }

type HeadersPart<I> = [I] extends [{ headers: infer H }]
  ? { headers?: { [K in keyof H]?: H[K] } & Record<string, string> }
  : { headers?: Record<string, string> }

type CookiePart<I> = [I] extends [{ cookie: infer C }]
  ? { cookie?: { [K in keyof C]?: C[K] } }
  : { cookie?: Record<string, string> }

type BodyPart<I> = [I] extends [{ json: infer J }]
  ? { json: J; form?: never }
  : 'json' extends keyof I
    ? { json?: I['json' & keyof I]; form?: never }
    : [I] extends [{ form: infer F }]
      ? { form: F | FormData | URLSearchParams; json?: never }
      : 'form' extends keyof I
        ? { form?: I['form' & keyof I] | FormData | URLSearchParams; json?: never }
        : { json?: unknown; form?: Record<string, unknown> | FormData | URLSearchParams }

/** Options every call accepts, on top of its route's inputs. */
export interface CallOptions {
  /** Aborts the request (and the reading of its response). */
  signal?: AbortSignal
  /** Extra `RequestInit` fields (`credentials`, `cache`, `keepalive`, ...). */
  init?: Omit<RequestInit, 'method' | 'body' | 'headers' | 'signal'>
}

/**
 * The second argument of a call: the route's path parameters, query, headers, cookies and body,
 * typed from its validators, plus {@link CallOptions}.
 */
export type RequestOptions<P extends string, E> = ParamsPart<P, InputOf<E>> &
  QueryPart<InputOf<E>> &
  HeadersPart<InputOf<E>> &
  CookiePart<InputOf<E>> &
  BodyPart<InputOf<E>> &
  CallOptions

type OptionsArgs<P extends string, E> =
  {} extends RequestOptions<P, E> ? [options?: RequestOptions<P, E>] : [options: RequestOptions<P, E>]

/** A 2xx answer with its decoded body. */
export interface Success<Data, Status extends number = number> {
  ok: true
  status: Status
  data: Data
  /** The response (its body has been read, unless it was neither JSON nor text). */
  response: Response
}

/** An error answer (status >= 400, or 3xx when redirects are not followed) with its problem. */
export interface Failure<Problem = ProblemDetails, Status extends number = number> {
  ok: false
  status: Status
  problem: Problem
  /** The response (its body has been read). */
  response: Response
}

type IsSuccess<S> = `${S & (string | number)}` extends `2${string}` ? true : false
type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'
type ToNumber<S> = S extends `${infer N extends number}` ? N : never
type AnyStatus = ToNumber<`${1 | 2 | 3 | 4 | 5}${Digit}${Digit}`>
// statuses as literal unions (`4XX` is 400 | ... | 499), so `result.status === 200` narrows
type StatusOf<S> = S extends number
  ? S
  : S extends `${infer C extends 1 | 2 | 3 | 4 | 5}XX`
    ? ToNumber<`${C}${Digit}${Digit}`>
    : ToNumber<S>
// `default` answers every error status the operation does not list
type DefaultStatus<R> = Exclude<AnyStatus, StatusOf<Exclude<keyof R, 'default'>> | StatusOf<'2XX'>>

type FromResponses<R> = {
  [S in keyof R]: S extends 'default'
    ? Failure<R[S], DefaultStatus<R>>
    : IsSuccess<S> extends true
      ? Success<R[S], StatusOf<S>>
      : Failure<R[S], StatusOf<S>>
}[keyof R]

/**
 * What a call resolves to: `{ ok: true, status, data }` or `{ ok: false, status, problem }`. For
 * an OpenSpeed route, `data` is the handler's JSON output and `problem` an RFC 9457 problem; for
 * a contract that lists `responses` by status (generated from OpenAPI), each listed status has its
 * own type and narrows with `result.status === 404` (a `default` response covers the rest).
 *
 * @example
 * const result = await api.get('/books/:id', { params: { id } })
 * if (result.ok) console.log(result.data.title)
 * else console.log(result.status, result.problem.detail)
 */
export type ClientResult<E> = E extends { responses: infer R }
  ? FromResponses<R>
  : Success<JsonOf<E extends { output: infer O } ? O : unknown>> | Failure

/** One method of the client: a path of a route that answers `M`, then its options. */
export type MethodCall<S, M extends string> = <P extends PathsFor<S, M>>(
  path: P,
  ...options: OptionsArgs<P, EndpointAt<S, P, M>>
) => Promise<ClientResult<EndpointAt<S, P, M>>>

/**
 * The typed client `createClient<typeof app>()` returns: one function per HTTP method, each
 * taking a route path (with `:params` in it, filled from `options.params`) and its options.
 */
export type Client<S> = { [M in ClientMethod]: MethodCall<S, M> } & {
  /** Any method, for routes added with `app.on('PURGE', ...)`; the method is case-insensitive. */
  request<M extends string, P extends PathsFor<S, Lowercase<M>>>(
    method: M,
    path: P,
    ...options: OptionsArgs<P, EndpointAt<S, P, Lowercase<M>>>
  ): Promise<ClientResult<EndpointAt<S, P, Lowercase<M>>>>
}
