import { invalidHostError, isValidAuthority } from './authority.ts'
import type { ConnInfo } from './conn-info.ts'
import { HttpError } from './http-error.ts'

/**
 * What core needs to know about an incoming request, independent of the runtime. `fetch()` wraps
 * a Web `Request` in one; the Node adapter implements it over `IncomingMessage` so that no Web
 * `Request` is built unless user code reads `c.req.raw`. For adapter authors.
 *
 * @example
 * const result = await app.handle(new WebRequestSource(request))
 */
export interface RequestSource {
  /** Upper-case method. */
  readonly method: string
  /** Path and query as sent, e.g. `/users?page=2`. */
  readonly target: string
  /** One header by lower-case name; repeated headers joined with `, `. */
  header(name: string): string | undefined
  /** All headers as Web `Headers`. */
  headers(): Headers
  /** The full request URL. */
  url(): string
  /** Reads the whole body; rejects with a 413 `HttpError` past `limit` bytes. */
  readBody(limit: number): Promise<Uint8Array>
  /** The body as a stream, or `null` when there is none. */
  stream(): ReadableStream<Uint8Array> | null
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal
  /** The request as a Web `Request`. */
  toRequest(): Request
  /** The client's connection, when the runtime reports it (read through `getConnInfo(c)`). */
  connInfo?(): ConnInfo | undefined
  /**
   * Set when the request cannot be served at all because its Host header (or the authority of an
   * absolute-form target) is not a valid `host[:port]`, so no parseable `url()` exists for it.
   * The adapter answers with this error's problem response and never runs the app.
   */
  readonly invalid?: HttpError
}

/** The 413 error every runtime answers an oversized body with. */
export function bodyTooLarge(limit: number): HttpError {
  return HttpError.fromCode('OS_ERR_REQUEST_BODY_TOO_LARGE', {
    detail: `The request body is larger than the limit of ${limit} bytes`,
  })
}

/** Throws 413 when a declared `Content-Length` is over the limit, before any byte is read. */
export function assertContentLength(contentLength: string | undefined | null, limit: number): void {
  if (declaresTooMuch(contentLength, limit)) throw bodyTooLarge(limit)
}

function declaresTooMuch(contentLength: string | undefined | null, limit: number): boolean {
  return !!contentLength && Number(contentLength) > limit
}

/**
 * Reads a byte stream into one buffer, cancelling it and rejecting with 413 past `limit` bytes.
 *
 * @example
 * const bytes = await readStreamWithLimit(request.body!, 1024 * 1024)
 */
export async function readStreamWithLimit(
  stream: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      throw bodyTooLarge(limit)
    }
    chunks.push(value)
  }
  if (chunks.length === 1) return chunks[0]!
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/**
 * A `RequestSource` over a Web `Request`: what `app.fetch()` uses on Bun, Deno, Workers and
 * every other Fetch-API runtime.
 *
 * An adapter that knows the client's address passes it (or a function computing it on demand).
 *
 * @example
 * const source = new WebRequestSource(request, () => ({ remote: { address: server.requestIP(request)?.address } }))
 * const response = await app.respond(source)
 */
export class WebRequestSource implements RequestSource {
  readonly request: Request
  readonly method: string
  readonly target: string
  readonly invalid: HttpError | undefined
  readonly #connInfo: ConnInfo | (() => ConnInfo) | undefined

  constructor(request: Request, connInfo?: ConnInfo | (() => ConnInfo)) {
    this.request = request
    this.method = request.method
    // Bun and Deno build the URL from the Host header as sent (Deno turns `Host: h/x?` into the
    // path `/x`, Bun may leave the authority out): such a request is refused, never routed
    const url = request.url
    const scheme = url.indexOf('://')
    const pathStart = scheme === -1 ? -1 : url.indexOf('/', scheme + 3)
    this.target = pathStart === -1 ? '/' : url.slice(pathStart)
    const host = request.headers.get('host')
    const valid =
      scheme !== -1 &&
      isValidAuthority(url, scheme + 3, pathStart === -1 ? url.length : pathStart) &&
      (host === null || host === '' || isValidAuthority(host))
    this.invalid = valid ? undefined : invalidHostError()
    this.#connInfo = connInfo
  }

  connInfo(): ConnInfo | undefined {
    const info = this.#connInfo
    return typeof info === 'function' ? info() : info
  }

  header(name: string): string | undefined {
    return this.request.headers.get(name) ?? undefined
  }

  headers(): Headers {
    return this.request.headers
  }

  url(): string {
    return this.request.url
  }

  get signal(): AbortSignal {
    return this.request.signal
  }

  readBody(limit: number): Promise<Uint8Array> {
    const contentLength = this.request.headers.get('content-length')
    if (declaresTooMuch(contentLength, limit)) return Promise.reject(bodyTooLarge(limit))
    const body = this.request.body
    if (body === null) return Promise.resolve(new Uint8Array(0))
    // with a declared length the runtime reads no more than that, so its native reader is safe
    // and much faster than pulling the stream chunk by chunk (a 2x difference on Bun)
    if (contentLength === null) return readStreamWithLimit(body, limit)
    return this.request.arrayBuffer().then((buffer) => {
      if (buffer.byteLength > limit) throw bodyTooLarge(limit)
      return new Uint8Array(buffer)
    })
  }

  stream(): ReadableStream<Uint8Array> | null {
    return this.request.body
  }

  toRequest(): Request {
    return this.request
  }
}
