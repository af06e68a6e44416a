import type { Transform } from 'node:stream'
import * as zlib from 'node:zlib'
import type { Encoder } from './_compress.ts'
import type { ContentCoding } from './options.ts'

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

/**
 * A Web transform over a zlib engine that flushes after every chunk, so streams stay live. zlib
 * works on the thread pool, so its output can arrive after the client went away: a cancelled or
 * aborted transform destroys the engine and drops that late output instead of enqueueing it,
 * which would throw outside any caller and end the process.
 */
export function zlibTransform(
  engine: Engine,
  flushKind: number,
): ReadableWritablePair<Uint8Array, Uint8Array> {
  let open = true
  // the pending transform() or flush(): a destroyed engine never calls back, so stop() settles it
  let settle: (() => void) | undefined
  const wait = (start: (done: () => void) => void): Promise<void> =>
    new Promise((resolve) => {
      settle = resolve
      start(() => {
        settle = undefined
        resolve()
      })
    })
  const stop = (): void => {
    open = false
    engine.destroy()
    settle?.()
  }
  return new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      engine.on('data', (chunk: Buffer) => {
        if (!open) return
        try {
          controller.enqueue(chunk)
        } catch {
          // a runtime without transformer cancel() tells us here that the reader is gone
          stop()
        }
      })
      engine.on('error', (error) => {
        if (open) controller.error(error)
        stop()
      })
    },
    transform: (chunk) =>
      wait((done) => {
        engine.write(chunk)
        engine.flush(flushKind, done)
      }),
    flush: () =>
      wait((done) => {
        engine.once('end', done)
        engine.end()
      }),
    cancel: stop,
  } as Transformer<Uint8Array, Uint8Array>)
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
    stream: () => zlibTransform(create(options), flushKind),
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
