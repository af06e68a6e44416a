import type { MiddlewareHandler } from '@openspeed/core'
import { createCompress } from './_compress.ts'
import { webEncoders } from './_web-encoders.ts'
import type { CompressOptions, ContentCoding } from './options.ts'

export type { CompressOptions, ContentCoding } from './options.ts'

// CompressionStream takes no level: its Brotli runs at the maximum quality (about 3.7 ms per KB on
// Node 24, 200 times gzip), so gzip leads unless the client ranks another coding higher by q-value
const kWebOrder: readonly ContentCoding[] = ['gzip', 'zstd', 'br', 'deflate']

/**
 * Compresses responses with zstd, Brotli, gzip or deflate, negotiated from `Accept-Encoding` with
 * q-values (`q=0` refuses a coding, `*` covers the rest, a malformed header means identity). Streams
 * are compressed as they flow; bodies of known length under `threshold` bytes, already-compressed
 * types (images, video, archives), responses with a `Content-Encoding`, `Cache-Control:
 * no-transform`, HEAD, 204/206/304 pass unchanged. Adds `Vary: Accept-Encoding` and weakens a strong
 * `ETag`. On Node (and Bun and Deno) the `node` export condition loads a node:zlib build of this
 * same function, which adds zstd (Node >= 22.15) and per-chunk flushing; elsewhere it uses the
 * codings the runtime's `CompressionStream` supports, and negotiates the others away.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { compress } from '@openspeed/middleware/compress'
 *
 * const app = new OpenSpeed()
 *   .use(compress({ threshold: 1024 }))
 *   .get('/report', (c) => c.json({ rows: Array.from({ length: 500 }, (_, i) => ({ i })) }))
 */
export function compress(options?: CompressOptions): MiddlewareHandler {
  return createCompress(webEncoders(), options, kWebOrder)
}
