import { Buffer } from 'node:buffer'
import type { Readable } from 'node:stream'
import { HttpError } from '@openspeed/core'
import { bodyTooLarge } from '@openspeed/core/adapter'

const kStreamHighWaterMark = 64 * 1024

function incomplete(cause?: unknown): HttpError {
  return HttpError.fromCode('OS_ERR_REQUEST_BODY_INCOMPLETE', {
    detail: 'The request body was not fully received',
    cause,
  })
}

/**
 * Reads a Node request body into one buffer. Past `limit` bytes it stops keeping chunks and
 * rejects with 413; the rest of the body is left flowing (discarded), so a keep-alive connection
 * stays usable once the 413 is sent.
 */
export function readNodeBody(req: Readable, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    let size = 0
    const cleanup = (): void => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('close', onError)
    }
    const onData = (chunk: Uint8Array): void => {
      size += chunk.byteLength
      if (size > limit) {
        cleanup()
        reject(bodyTooLarge(limit))
        return
      }
      chunks.push(chunk)
    }
    const onEnd = (): void => {
      cleanup()
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size))
    }
    const onError = (error?: unknown): void => {
      cleanup()
      reject(incomplete(error))
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('close', onError)
  })
}

/**
 * A Web stream over a Node request body, with backpressure (the socket is paused while the
 * stream's queue is full). Cancelling it discards the rest of the body.
 */
export function toWebStream(req: Readable): ReadableStream<Uint8Array> {
  let settled = false
  const onData = (chunk: Uint8Array): void => {
    controller.enqueue(chunk)
    if ((controller.desiredSize ?? 0) <= 0) req.pause()
  }
  const finish = (error?: unknown): void => {
    if (settled) return
    settled = true
    req.off('data', onData)
    if (error === undefined) controller.close()
    else controller.error(error)
  }
  let controller!: ReadableStreamDefaultController<Uint8Array>
  return new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController
        req.on('data', onData)
        req.once('end', () => finish())
        req.once('error', (error: unknown) => finish(incomplete(error)))
        req.once('close', () => finish(incomplete()))
      },
      pull() {
        req.resume()
      },
      cancel() {
        settled = true
        req.off('data', onData)
        req.resume()
      },
    },
    { highWaterMark: kStreamHighWaterMark, size: (chunk) => chunk.byteLength },
  )
}

/** A one-chunk stream over bytes that are (or will be) in memory. */
export function bytesStream(bytes: Uint8Array | Promise<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const value = await bytes
      if (value.byteLength > 0) controller.enqueue(value)
      controller.close()
    },
  })
}
