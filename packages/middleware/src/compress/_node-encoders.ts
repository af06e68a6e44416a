import type { Transform } from 'node:stream'
import * as zlib from 'node:zlib'
import type { ContentCoding } from '../_accept-encoding.ts'
import type { Encoder } from './_compress.ts'

type Callback = (error: Error | null, result: Uint8Array) => void
export type Engine = Transform & { flush(kind: number, callback: () => void): void }

// zstd arrived in node:zlib with Node 22.15 / 23.8; @types/node 20 does not declare it
interface ZstdZlib {
  createZstdCompress?(options?: object): Engine
  zstdCompress?(data: Uint8Array, options: object, callback: Callback): void
}

const c = zlib.constants as typeof zlib.constants & Record<string, number>

// dynamic content: Brotli quality 4 and zstd level 3 compress close to gzip -6 speed, and smaller
const kGzip = { level: 6 }
const kBrotli = { params: { [c.BROTLI_PARAM_QUALITY]: 4 } }
const kZstd = { params: { [c.ZSTD_c_compressionLevel ?? 100]: 3 } }

/** A Web transform over a zlib engine that flushes after every chunk, so streams stay live. */
export function zlibTransform(engine: Engine, flushKind: number): ReadableWritablePair<Uint8Array, Uint8Array> {
  return new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      engine.on('data', (chunk: Buffer) => controller.enqueue(chunk))
      engine.once('error', (error) => controller.error(error))
    },
    transform(chunk) {
      return new Promise((resolve) => {
        engine.write(chunk)
        engine.flush(flushKind, resolve)
      })
    },
    flush() {
      return new Promise((resolve) => {
        engine.once('end', resolve)
        engine.end()
      })
    },
  })
}

function encoder(
  compress: (data: Uint8Array, options: object, callback: Callback) => void,
  create: (options: object) => Engine,
  options: object,
  flushKind: number,
): Encoder {
  return {
    bytes: (data) =>
      new Promise((resolve, reject) => {
        compress(data, options, (error, result) => (error === null ? resolve(result) : reject(error)))
      }),
    stream: () => transform(create(options), flushKind),
  }
}

/** Encoders backed by node:zlib (also in Bun and Deno): gzip, deflate, Brotli, and zstd where present. */
export function nodeEncoders(): Partial<Record<ContentCoding, Encoder>> {
  const encoders: Partial<Record<ContentCoding, Encoder>> = {
    br: encoder(zlib.brotliCompress, zlib.createBrotliCompress as never, kBrotli, c.BROTLI_OPERATION_FLUSH),
    gzip: encoder(zlib.gzip, zlib.createGzip as never, kGzip, c.Z_SYNC_FLUSH),
    deflate: encoder(zlib.deflate, zlib.createDeflate as never, kGzip, c.Z_SYNC_FLUSH),
  }
  const zstd = zlib as ZstdZlib
  if (typeof zstd.createZstdCompress === 'function' && typeof zstd.zstdCompress === 'function') {
    encoders.zstd = encoder(zstd.zstdCompress, zstd.createZstdCompress, kZstd, c.ZSTD_e_flush!)
  }
  return encoders
}
