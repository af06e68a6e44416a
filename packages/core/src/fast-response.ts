import { toHeadersInit } from './_headers.ts'

/**
 * Response headers as the context and `FastResponse` keep them: lower-case names, each value a
 * string, `set-cookie` as a list of strings.
 *
 * @example
 * const headers: HeaderRecord = { 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] }
 * return new FastResponse(200, headers, 'ok')
 */
export type HeaderRecord = Record<string, string | string[]>

/** What a response body can be before it is written. */
export type ResponseBody = string | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | null

/**
 * The light response `c.json()`, `c.text()`, `c.body()` and friends produce. Adapters that own the
 * socket (the Node adapter) write it directly, so no Web `Response` is built on that path;
 * `toResponse()` converts it for every other runtime. The `T` parameter records the JSON body type
 * for typed clients.
 *
 * @example
 * const result = await app.handle(source) // FastResponse | Response
 * const response = result instanceof FastResponse ? result.toResponse() : result
 */
export class FastResponse<T = unknown> {
  status: number
  headers: HeaderRecord
  body: ResponseBody
  /** Phantom field carrying the body type for inference; never set at runtime. */
  declare readonly _data?: T

  constructor(status: number, headers: HeaderRecord, body: ResponseBody) {
    this.status = status
    this.headers = headers
    this.body = body
  }

  /** Converts to a Web `Response` (multiple `Set-Cookie` headers stay separate). */
  toResponse(): Response {
    return new Response(this.body as BodyInit | null, {
      status: this.status,
      headers: toHeadersInit(this.headers),
    })
  }
}
