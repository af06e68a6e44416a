import { type Context, FastResponse, type MiddlewareHandler } from '@openspeed/core'
import { negotiateEncoding } from '../_accept-encoding.ts'
import { checkMiddlewareOptions, configError } from '../_errors.ts'
import { appendVary, responseHeader } from '../_response.ts'
import { isCompressible } from './_compressible.ts'
import type { CompressOptions, ContentCoding } from './options.ts'

/** A compressor for one coding, backed by whatever the runtime offers. */
export interface Encoder {
  /** Compresses a whole body. */
  bytes(data: Uint8Array): Promise<Uint8Array>
  /** A transform compressing a streamed body as it flows. */
  stream(): ReadableWritablePair<Uint8Array, Uint8Array>
}

const kDefaultOrder: readonly ContentCoding[] = ['zstd', 'br', 'gzip', 'deflate']
const kNoTransform = /(?:^|,)\s*no-transform\s*(?:,|$)/i
const kTextEncoder = new TextEncoder()

/** Builds the middleware over a set of encoders; the runtime-specific entries supply the set. */
export function createCompress(
  encoders: Partial<Record<ContentCoding, Encoder>>,
  options: CompressOptions = {},
  defaultOrder: readonly ContentCoding[] = kDefaultOrder,
): MiddlewareHandler {
  checkMiddlewareOptions('compress()', 'OS_ERR_COMPRESS_INVALID_OPTIONS', options, {
    encodings: 'string[]',
    threshold: 'number',
    filter: 'function',
  })
  const order = options.encodings ?? defaultOrder
  if (!Array.isArray(order) || order.some((coding) => !kDefaultOrder.includes(coding))) {
    throw configError(
      'OS_ERR_COMPRESS_INVALID_OPTIONS',
      'compress: encodings may list only zstd, br, gzip, deflate',
    )
  }
  const threshold = options.threshold ?? 1024
  if (!(threshold >= 0))
    throw configError('OS_ERR_COMPRESS_INVALID_OPTIONS', 'compress: threshold must be >= 0')
  const filter = options.filter ?? isCompressible
  const available = (order as readonly ContentCoding[]).filter((coding) => encoders[coding] !== undefined)
  return async function compressMiddleware(c, next) {
    await next()
    const res = c.res
    if (res === undefined || available.length === 0 || c.req.method === 'HEAD') return
    const status = res.status
    if (status < 200 || status === 204 || status === 206 || status === 304) return
    if (responseHeader(c, 'content-encoding') !== undefined) return
    const contentType = responseHeader(c, 'content-type')
    if (contentType === undefined || !filter(contentType)) return
    if (kNoTransform.test(responseHeader(c, 'cache-control') ?? '')) return
    let body = res.body
    if (body === null) return
    if (typeof body === 'string') body = kTextEncoder.encode(body)
    else if (body instanceof ArrayBuffer) body = new Uint8Array(body)
    const declared = responseHeader(c, 'content-length')
    const length =
      body instanceof Uint8Array ? body.byteLength : declared === undefined ? -1 : Number(declared)
    if (length !== -1 && length < threshold) return
    appendVary(c, 'Accept-Encoding')
    const coding = negotiateEncoding(c.req.header('accept-encoding'), available)
    if (coding === null) return
    const encoder = encoders[coding]!
    const encoded =
      body instanceof Uint8Array ? await encoder.bytes(body) : body.pipeThrough(encoder.stream())
    setEncoded(c, coding, encoded)
  }
}

function setEncoded(c: Context, coding: ContentCoding, body: Uint8Array | ReadableStream<Uint8Array>): void {
  const res = c.res!
  const etag = responseHeader(c, 'etag')
  // the compressed bytes differ from the identity ones, so a strong validator would lie (RFC 9110 §8.8.1)
  const weakEtag = etag !== undefined && !etag.startsWith('W/') ? `W/${etag}` : undefined
  if (res instanceof FastResponse) {
    const headers = res.headers
    headers['content-encoding'] = coding
    if (weakEtag !== undefined) headers.etag = weakEtag
    if (body instanceof Uint8Array) headers['content-length'] = `${body.byteLength}`
    else delete headers['content-length']
    res.body = body
    return
  }
  const headers = new Headers(res.headers)
  headers.set('content-encoding', coding)
  headers.delete('content-length')
  if (weakEtag !== undefined) headers.set('etag', weakEtag)
  c.res = new Response(body as BodyInit, { status: res.status, statusText: res.statusText, headers })
}
