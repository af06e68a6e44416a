import { parseJsonBody } from './_json.ts'
import { decodeParam, parseQuery } from './_url.ts'
import { parseCookieHeader } from './cookie.ts'
import { HttpError } from './http-error.ts'
import { OpenSpeedError } from './openspeed-error.ts'
import type { RequestSource } from './request-source.ts'
import type { Input, PathParams } from './types.ts'

const kEmptyParams: Record<string, string> = Object.freeze(Object.create(null))

// decoding without `stream` keeps no state between calls, so one decoder serves every request
const utf8 = new TextDecoder()
const decodeUtf8 = (bytes: Uint8Array): string => utf8.decode(bytes)

function unsupportedMediaType(expected: string, actual: string | undefined): HttpError {
  return HttpError.fromCode('OS_ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE', {
    detail: `Expected a ${expected} body but the content type is ${actual ? JSON.stringify(actual) : 'missing'}`,
  })
}

/** Whether a content type is JSON (`application/json` or any `+json` type). */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false
  const semicolon = contentType.indexOf(';')
  const mediaType = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase()
  return (
    mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'))
  )
}

function isFormContentType(contentType: string | undefined): boolean {
  if (!contentType) return false
  const type = contentType.toLowerCase()
  return type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')
}

/**
 * The request as handlers see it (`c.req`). Everything is parsed lazily, on first access, and
 * cached: query string, cookies, headers and body.
 *
 * @example
 * app.post('/posts/:id', async (c) => {
 *   const id = c.req.param('id')
 *   const draft = c.req.query('draft') === 'true'
 *   const body = await c.req.json()
 *   return c.json({ id, draft, body })
 * })
 */
export class OpenSpeedRequest<P extends string = string, I extends Input = {}> {
  /** Upper-case HTTP method. */
  readonly method: string
  /** The percent-decoded path that was matched (reserved escapes such as `%2F` stay encoded). */
  readonly path: string
  /** The pattern of the route that matched, mounts included (`/users/:id`); `undefined` when none did. */
  readonly routePath: string | undefined
  /**
   * The largest body this request reads, in bytes; past it the body readers reject with 413.
   * Starts at the app's `bodyLimit`; middleware may raise or lower it for a route before the body
   * is read.
   *
   * @example
   * app.post('/upload', (c, next) => { c.req.bodyLimit = 10 * 1024 * 1024; return next() }, save)
   */
  bodyLimit: number
  readonly #source: RequestSource
  readonly #paramNames: readonly string[] | null
  readonly #paramValues: string[] | null
  #params: Record<string, string> | undefined
  #query: Record<string, string[]> | undefined
  #cookies: Record<string, string> | undefined
  #body: Promise<Uint8Array> | undefined
  #valid: Record<string, unknown> | undefined

  constructor(
    source: RequestSource,
    path: string,
    paramNames: readonly string[] | null,
    paramValues: string[] | null,
    routePath: string | undefined,
    bodyLimit: number,
  ) {
    this.method = source.method
    this.path = path
    this.routePath = routePath
    this.#source = source
    this.#paramNames = paramNames
    this.#paramValues = paramValues
    this.bodyLimit = bodyLimit
  }

  /** The full request URL. */
  get url(): string {
    return this.#source.url()
  }

  /** Aborted when the client disconnects before the response is complete. */
  get signal(): AbortSignal {
    return this.#source.signal
  }

  /** The Web `Request`. On Node it is built on first access only. */
  get raw(): Request {
    return this.#source.toRequest()
  }

  /** One route parameter, percent-decoded, or all of them. */
  param(): PathParams<P>
  param<K extends keyof PathParams<P> & string>(name: K): PathParams<P>[K]
  param(name?: string): unknown {
    const params = this.#params ?? this.#buildParams()
    return name === undefined ? params : params[name]
  }

  #buildParams(): Record<string, string> {
    const names = this.#paramNames
    const values = this.#paramValues
    if (names === null || values === null) return (this.#params = kEmptyParams)
    const params: Record<string, string> = Object.create(null)
    for (let i = 0; i < names.length; i++) {
      const value = values[i]
      if (value === undefined) continue
      params[names[i]!] = value.includes('%') ? decodeParam(value) : value
    }
    return (this.#params = params)
  }

  #parsedQuery(): Record<string, string[]> {
    if (this.#query !== undefined) return this.#query
    const target = this.#source.target
    const start = target.indexOf('?')
    return (this.#query = parseQuery(start === -1 ? '' : target.slice(start + 1)))
  }

  /** The first value of a query parameter, or every parameter's first value. */
  query(): Record<string, string>
  query(name: string): string | undefined
  query(name?: string): unknown {
    const parsed = this.#parsedQuery()
    if (name !== undefined) return parsed[name]?.[0]
    const result: Record<string, string> = Object.create(null)
    for (const key in parsed) result[key] = parsed[key]![0]!
    return result
  }

  /** Every value of a repeated query parameter (`?tag=a&tag=b`), or all of them. */
  queries(): Record<string, string[]>
  queries(name: string): string[] | undefined
  queries(name?: string): unknown {
    const parsed = this.#parsedQuery()
    return name === undefined ? { ...parsed } : parsed[name]?.slice()
  }

  /** One request header (case-insensitive), or all headers with lower-case names. */
  header(): Record<string, string>
  header(name: string): string | undefined
  header(name?: string): unknown {
    if (name !== undefined) return this.#source.header(name.toLowerCase())
    const result: Record<string, string> = Object.create(null)
    this.#source.headers().forEach((value, key) => {
      // Headers.forEach yields each set-cookie on its own; keep them all
      result[key] = key in result ? `${result[key]}, ${value}` : value
    })
    return result
  }

  /** One cookie from the `Cookie` header, or all of them. */
  cookie(): Record<string, string>
  cookie(name: string): string | undefined
  cookie(name?: string): unknown {
    this.#cookies ??= parseCookieHeader(this.#source.header('cookie'))
    return name === undefined ? { ...this.#cookies } : this.#cookies[name]
  }

  #bytes(): Promise<Uint8Array> {
    this.#body ??= this.#source.readBody(this.bodyLimit)
    return this.#body
  }

  /** The body as bytes (rejects with 413 past `bodyLimit`). */
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.#bytes()
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  }

  /** The body decoded as UTF-8 text. */
  text(): Promise<string> {
    return this.#bytes().then(decodeUtf8)
  }

  /**
   * The body parsed as JSON. Answers 415 unless the content type is JSON, 400 for invalid JSON or
   * for `__proto__` / `constructor.prototype` keys (prototype pollution).
   */
  json<T = unknown>(): Promise<T> {
    const contentType = this.#source.header('content-type')
    if (!isJsonContentType(contentType)) return Promise.reject(unsupportedMediaType('JSON', contentType))
    return this.#bytes().then((bytes) => parseJsonBody(decodeUtf8(bytes)) as T)
  }

  /** The body parsed as `multipart/form-data` or `application/x-www-form-urlencoded`. */
  async formData(): Promise<FormData> {
    const contentType = this.#source.header('content-type')
    if (!isFormContentType(contentType)) throw unsupportedMediaType('form', contentType)
    const bytes = await this.#bytes()
    try {
      return await new Response(bytes as Uint8Array<ArrayBuffer>, {
        headers: { 'content-type': contentType! },
      }).formData()
    } catch (error) {
      throw HttpError.fromCode('OS_ERR_REQUEST_INVALID_FORM', {
        detail: 'The form body could not be parsed',
        cause: error,
      })
    }
  }

  /** The body as a stream, for large uploads. Cannot be combined with the other body readers. */
  stream(): ReadableStream<Uint8Array> | null {
    if (this.#body !== undefined) {
      throw new OpenSpeedError(
        'OS_ERR_BODY_ALREADY_READ',
        'The request body was already read; it cannot be streamed',
      )
    }
    return this.#source.stream()
  }

  /** A value validated by `validate(target, schema)`, typed from the schema. */
  valid<T extends Exclude<keyof I, '~input'> & string>(target: T): I[T] {
    return this.#valid?.[target] as I[T]
  }

  /** Records a validated value; called by validators (including third-party ones). */
  addValidatedData(target: string, value: unknown): void {
    this.#valid ??= Object.create(null) as Record<string, unknown>
    this.#valid[target] = value
  }

  /**
   * The adapter's view of the request, for core's own helpers (`getConnInfo`). The `~` marks it
   * as internal: not part of the public API, free to change in any release.
   */
  get '~source'(): RequestSource {
    return this.#source
  }
}
