import { addHeader, assertSafeHeader, type HeaderRecord } from './_headers.ts'
import { createResponseStream } from './_response-stream.ts'
import { FastResponse, type ResponseBody } from './fast-response.ts'
import { OpenSpeedRequest } from './request.ts'
import type { RequestSource } from './request-source.ts'
import type { SseWriter, StreamWriter } from './stream.ts'
import type { Env, ExecutionContext, Input } from './types.ts'

type Variables<E extends Env> = E['Variables'] extends object ? E['Variables'] : Record<string, unknown>
type Bindings<E extends Env> = E['Bindings'] extends object ? E['Bindings'] : Record<string, unknown>

/** Extra headers accepted by the response helpers. */
export type HeadersInit = Record<string, string>

/** Options for `c.header()`. */
export interface HeaderOptions {
  /** Add to an existing value instead of replacing it (`set-cookie` always adds). */
  append?: boolean
}

/** What the app supplies to every context: body limit and the not-found responder. */
export interface ContextOptions {
  readonly bodyLimit: number
  readonly notFound: (c: Context) => Response | FastResponse | Promise<Response | FastResponse>
}

/**
 * Everything one request's context is built from, gathered by the app when the request is routed.
 * The context keeps this object as it is instead of copying it field by field.
 *
 * @example
 * const c = new Context({ source, path: '/users/7', paramNames: ['id'], paramValues: ['7'],
 *   routePath: '/users/:id', env: {}, executionCtx: undefined, options: { bodyLimit: 1024, notFound } })
 */
export interface ContextInit {
  readonly source: RequestSource
  /** The decoded path that was matched. */
  readonly path: string
  readonly paramNames: readonly string[] | null
  /** Raw (still encoded) parameter values, decoded on first read. */
  readonly paramValues: string[] | null
  /** The pattern of the route that matched; `undefined` when none did. */
  readonly routePath: string | undefined
  readonly env: unknown
  readonly executionCtx: ExecutionContext | undefined
  readonly options: ContextOptions
}

const kJsonType = 'application/json'
const kTextType = 'text/plain; charset=UTF-8'
const kHtmlType = 'text/html; charset=UTF-8'

/**
 * The request context every handler and middleware receives: the request (`c.req`), response
 * helpers, typed variables and platform bindings.
 *
 * @example
 * app.get('/hello/:name', (c) => {
 *   c.header('cache-control', 'no-store')
 *   return c.json({ hello: c.req.param('name') }, 200)
 * })
 */
export class Context<E extends Env = any, P extends string = any, I extends Input = {}> {
  /** Platform bindings (Workers env, Lambda context, ...). */
  readonly env: Bindings<E>
  /** The platform's execution context, when it has one (`waitUntil`). */
  readonly executionCtx: ExecutionContext | undefined
  /**
   * The error being handled, in `onError` handlers and in middleware after `next()`; for a request
   * refused before routing (bad percent-encoding), already set when the middleware runs.
   */
  error: unknown
  readonly #init: ContextInit
  #req: OpenSpeedRequest<P, I> | undefined
  #res: Response | FastResponse | undefined
  #status = 200
  #headers: HeaderRecord | undefined
  #vars: Record<string, unknown> | undefined

  constructor(init: ContextInit) {
    this.#init = init
    this.env = init.env as Bindings<E>
    this.executionCtx = init.executionCtx
  }

  /** The request. */
  get req(): OpenSpeedRequest<P, I> {
    const init = this.#init
    this.#req ??= new OpenSpeedRequest(
      init.source,
      init.path,
      init.paramNames,
      init.paramValues,
      init.routePath,
      init.options.bodyLimit,
    )
    return this.#req
  }

  /** Stores a typed variable for later middleware and the handler. */
  set<K extends keyof Variables<E> & string>(key: K, value: Variables<E>[K]): void {
    this.#vars ??= Object.create(null) as Record<string, unknown>
    this.#vars[key] = value
  }

  /** Reads a variable set with `c.set()`. */
  get<K extends keyof Variables<E> & string>(key: K): Variables<E>[K] {
    return this.#vars?.[key] as Variables<E>[K]
  }

  /** All variables set with `c.set()`. */
  get var(): Readonly<Variables<E>> {
    return (this.#vars ?? {}) as Variables<E>
  }

  /** Sets the status used by the next response helper that is not given one. */
  status(status: number): void {
    this.#status = status
  }

  /**
   * Sets a response header (names are case-insensitive; `undefined` removes it). Throws on CR, LF
   * or NUL in the value so user input can never inject headers. Several `set-cookie` stay separate.
   */
  header(name: string, value: string | undefined, options?: HeaderOptions): void {
    const key = name.toLowerCase()
    const res = this.#res
    if (res instanceof Response) {
      this.#setOnResponse(res, key, value, options?.append === true)
      return
    }
    const target = res === undefined ? (this.#headers ??= {}) : res.headers
    if (value === undefined) {
      delete target[key]
      return
    }
    assertSafeHeader(key, value)
    addHeader(target, key, value, options?.append === true)
  }

  /** The response produced so far; middleware reads it after `await next()`. */
  get res(): Response | FastResponse | undefined {
    return this.#res
  }

  /** Replaces the response; headers set with `c.header()` before it was made are carried over. */
  set res(response: Response | FastResponse | undefined) {
    const headers = this.#headers
    if (response !== undefined && headers !== undefined && response.headers !== headers) {
      for (const name in headers) {
        const value = headers[name]!
        const values = typeof value === 'string' ? [value] : value
        if (response instanceof FastResponse) {
          if (name === 'set-cookie' || response.headers[name] === undefined) {
            for (const item of values) addHeader(response.headers, name, item, false)
          }
        } else if (name === 'set-cookie' || !response.headers.has(name)) {
          response = this.#withHeaders(response, name, values)
        }
      }
    }
    this.#res = response
  }

  #withHeaders(response: Response, name: string, values: string[]): Response {
    try {
      for (const item of values) response.headers.append(name, item)
      return response
    } catch {
      const copy = new Response(response.body, response)
      for (const item of values) copy.headers.append(name, item)
      return copy
    }
  }

  #setOnResponse(response: Response, key: string, value: string | undefined, append: boolean): void {
    if (value !== undefined) assertSafeHeader(key, value)
    const apply = (headers: Headers): void => {
      if (value === undefined) headers.delete(key)
      else if (append || key === 'set-cookie') headers.append(key, value)
      else headers.set(key, value)
    }
    try {
      apply(response.headers)
    } catch {
      // headers of a fetched Response are immutable: copy it once and retry
      response = new Response(response.body, response)
      apply(response.headers)
    }
    this.#res = response
  }

  #respond<T>(
    body: ResponseBody,
    contentType: string | null,
    status?: number,
    headers?: HeadersInit,
  ): FastResponse<T> {
    let record = this.#headers
    if (record === undefined) record = contentType === null ? {} : { 'content-type': contentType }
    else if (contentType !== null && record['content-type'] === undefined)
      record['content-type'] = contentType
    if (headers !== undefined) {
      for (const name in headers) {
        const key = name.toLowerCase()
        assertSafeHeader(key, headers[name]!)
        addHeader(record, key, headers[name]!, false)
      }
    }
    return new FastResponse<T>(status ?? this.#status, record, body)
  }

  /** A JSON response; the data type is kept for typed clients. */
  json<T>(data: T, status?: number, headers?: HeadersInit): FastResponse<T> {
    return this.#respond<T>(JSON.stringify(data) ?? 'null', kJsonType, status, headers)
  }

  /** A `text/plain` response. */
  text(text: string, status?: number, headers?: HeadersInit): FastResponse<string> {
    return this.#respond<string>(text, kTextType, status, headers)
  }

  /** A `text/html` response. */
  html(html: string, status?: number, headers?: HeadersInit): FastResponse<string> {
    return this.#respond<string>(html, kHtmlType, status, headers)
  }

  /** A response with any body (bytes, string, stream or none). */
  body(body: ResponseBody, status?: number, headers?: HeadersInit): FastResponse<unknown> {
    return this.#respond<unknown>(body, null, status, headers)
  }

  /** A redirect (302 by default) to `location`. */
  redirect(location: string, status: 301 | 302 | 303 | 307 | 308 = 302): FastResponse<undefined> {
    this.header('location', location)
    return this.#respond<undefined>(null, null, status)
  }

  /** The app's not-found response. */
  notFound(): Response | FastResponse | Promise<Response | FastResponse> {
    return this.#init.options.notFound(this)
  }

  /**
   * Streams a response: the callback writes chunks; writes wait for the client to keep up, and
   * `stream.aborted` turns true when the client disconnects.
   *
   * @example
   * app.get('/count', (c) => c.stream(async (stream) => {
   *   for (let i = 0; i < 3; i++) await stream.write(`${i}\n`)
   * }))
   */
  stream(
    write: (stream: StreamWriter) => Promise<void>,
    contentType: string = kTextType,
  ): FastResponse<unknown> {
    return this.#respond<unknown>(createResponseStream(write, this.#init.source.signal), contentType)
  }

  /**
   * A Server-Sent Events response.
   *
   * @example
   * app.get('/events', (c) => c.sse(async (stream) => {
   *   await stream.writeSSE({ event: 'tick', data: JSON.stringify({ at: Date.now() }) })
   * }))
   */
  sse(write: (stream: SseWriter) => Promise<void>): FastResponse<unknown> {
    this.header('cache-control', 'no-cache')
    return this.#respond<unknown>(createResponseStream(write, this.#init.source.signal), 'text/event-stream')
  }
}
