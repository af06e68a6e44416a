import type { MiddlewareHandler } from '@openspeed/core'
import { createCompress } from './_compress.ts'
import { nodeEncoders } from './_node-encoders.ts'
import type { CompressOptions } from './options.ts'

export type { CompressOptions, ContentCoding } from './options.ts'

/**
 * `compress()` backed by node:zlib, chosen by the `node` export condition of
 * `@openspeed/middleware/compress` (Node, Bun, Deno): gzip, deflate, Brotli, and zstd where
 * node:zlib has it (Node >= 22.15); each streamed chunk is flushed to the client as it is written.
 * Same options and behaviour as the portable build.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { compress } from '@openspeed/middleware/compress'
 *
 * const app = new OpenSpeed()
 *   .use(compress({ encodings: ['zstd', 'br', 'gzip'] }))
 *   .get('/', (c) => c.text('hello '.repeat(500)))
 */
export function compress(options?: CompressOptions): MiddlewareHandler {
  return createCompress(nodeEncoders(), options)
}
