import { FastResponse, type MiddlewareHandler } from '@openspeed/core'
import { checkMiddlewareOptions } from '../_errors.ts'
import { responseHeader } from '../_response.ts'
import { ifNoneMatchHits } from './_match.ts'
import { computeEtag } from './compute-etag.ts'

export { computeEtag } from './compute-etag.ts'

/**
 * Options for {@link etag}.
 *
 * @example
 * etag({ weak: true })
 */
export interface EtagOptions {
  /** Generate weak tags (`W/"..."`), for bodies that are equivalent rather than byte-identical. */
  weak?: boolean
}

// RFC 9110 §15.4.5: a 304 carries the headers a 200 would have had for caching
const kNotModifiedHeaders = [
  'cache-control',
  'content-location',
  'date',
  'etag',
  'expires',
  'vary',
  'last-modified',
]

/**
 * Adds an `ETag` to successful GET and HEAD responses and answers 304 Not Modified when the
 * request's `If-None-Match` matches (a list of tags, `*`, weak or strong; compared weakly as
 * RFC 9110 says). The tag is a SHA-1 of the body for `c.json()`, `c.text()`, `c.html()` and
 * `c.body()` with bytes; streamed bodies and Web `Response`s are never buffered: they get a 304
 * when they carry their own `ETag` header (see `computeEtag`).
 *
 * @example
 * import { etag } from '@openspeed/middleware/etag'
 * app.use(etag())
 * app.get('/config', (c) => c.json(config)) // ETag: "…"; If-None-Match with it -> 304
 */
export function etag(options: EtagOptions = {}): MiddlewareHandler {
  checkMiddlewareOptions('etag()', 'OS_ERR_ETAG_INVALID_OPTIONS', options, { weak: 'boolean' })
  const weak = options.weak === true
  return async function etagMiddleware(c, next) {
    await next()
    const method = c.req.method
    const res = c.res
    if ((method !== 'GET' && method !== 'HEAD') || res === undefined || res.status < 200 || res.status > 299)
      return
    let tag = responseHeader(c, 'etag')
    if (tag === undefined && res instanceof FastResponse) {
      const body = res.body
      if (body === null || body instanceof ReadableStream) return
      tag = await computeEtag(body, weak)
      c.header('etag', tag)
    }
    const condition = c.req.header('if-none-match')
    if (tag === undefined || condition === undefined || !ifNoneMatchHits(condition, tag)) return
    const headers: Record<string, string> = {}
    for (const name of kNotModifiedHeaders) {
      const value = responseHeader(c, name)
      if (value !== undefined) headers[name] = value
    }
    const body = res.body
    if (body instanceof ReadableStream) body.cancel().catch(() => {})
    c.res = new FastResponse(304, headers, null)
  }
}
