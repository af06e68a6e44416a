import * as zlib from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deferred } from '../../test/_serve.ts'
import { type Engine, zlibTransform } from './_node-encoders.ts'

const kChunks = 5
const text = new TextEncoder().encode('streamed text that compresses well. '.repeat(4000))
const engines: Record<string, [() => Engine, number]> = {
  gzip: [() => zlib.createGzip() as Engine, zlib.constants.Z_SYNC_FLUSH],
  deflate: [() => zlib.createDeflate() as Engine, zlib.constants.Z_SYNC_FLUSH],
  br: [() => zlib.createBrotliCompress() as Engine, zlib.constants.BROTLI_OPERATION_FLUSH],
}

/** A zlib engine that reports when the transform hands it a chunk to compress. */
function watchedEngine(create: () => Engine): { engine: Engine; nextWrite: () => Promise<void> } {
  const engine = create()
  let started = deferred()
  const write = engine.write.bind(engine) as (...args: unknown[]) => boolean
  engine.write = ((...args: unknown[]) => {
    const result = write(...args)
    started.resolve()
    return result
  }) as Engine['write']
  return {
    engine,
    nextWrite: async () => {
      await started.promise
      started = deferred()
    },
  }
}

describe('the node:zlib transform when the reader cancels', () => {
  const uncaught: unknown[] = []
  const collect = (error: unknown): void => {
    uncaught.push(error)
  }
  beforeEach(() => {
    uncaught.length = 0
    process.on('uncaughtException', collect)
  })
  afterEach(() => {
    process.off('uncaughtException', collect)
  })

  const cases = Object.keys(engines).flatMap((coding) =>
    Array.from({ length: kChunks }, (_, k) => [coding, k] as const),
  )
  it.each(cases)('drops %s output arriving after a cancel at chunk boundary %i', async (coding, k) => {
    const [create, flushKind] = engines[coding]!
    const { engine, nextWrite } = watchedEngine(create)
    const closed = new Promise((resolve) => engine.once('close', resolve))
    const { readable, writable } = zlibTransform(engine, flushKind)
    const writer = writable.getWriter()
    const reader = readable.getReader()
    let received = 0
    const pump = (async () => {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        received += value.byteLength
      }
    })()
    for (let i = 0; i < k; i++) await writer.write(text)
    const before = received
    const late = writer.write(text).then(
      () => 'written',
      () => 'refused',
    )
    // the engine is compressing the chunk on the thread pool: the client goes away now
    await nextWrite()
    await reader.cancel(new Error('client went away'))
    await Promise.all([late, pump, closed])
    expect(uncaught).toEqual([])
    expect(received).toBe(before)
    expect(k === 0 || before > 0).toBe(true)
    await expect(writer.write(text)).rejects.toBeDefined()
  })

  it('ends the readable side with an error when the engine fails', async () => {
    const engine = zlib.createGzip() as Engine
    const { readable } = zlibTransform(engine, zlib.constants.Z_SYNC_FLUSH)
    engine.emit('error', new Error('engine failure'))
    await expect(readable.getReader().read()).rejects.toThrow('engine failure')
  })
})
