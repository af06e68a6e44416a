import type { SseMessage, SseWriter } from './stream.ts'

const encoder = new TextEncoder()
const kHighWaterMark = 64 * 1024

class ResponseStreamWriter implements SseWriter {
  aborted = false
  #controller!: ReadableStreamDefaultController<Uint8Array>
  #resumeWriter: (() => void) | undefined
  #abortListeners: (() => void)[] = []
  // pending sleeps, woken on abort; each leaves the set when its timer fires, so a long stream
  // of sleeps keeps no listener per sleep
  readonly #sleepers = new Set<() => void>()
  readonly stream: ReadableStream<Uint8Array>

  constructor(signal: AbortSignal) {
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller
        },
        pull: () => this.#resume(),
        cancel: () => this.#abort(),
      },
      { highWaterMark: kHighWaterMark, size: (chunk) => chunk.byteLength },
    )
    if (signal.aborted) this.aborted = true
    else signal.addEventListener('abort', () => this.#abort(), { once: true })
  }

  #resume(): void {
    const resume = this.#resumeWriter
    this.#resumeWriter = undefined
    resume?.()
  }

  #abort(): void {
    if (this.aborted) return
    this.aborted = true
    this.#resume()
    for (const wake of this.#sleepers) wake()
    this.#sleepers.clear()
    for (const listener of this.#abortListeners) listener()
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.aborted) return
    this.#controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk)
    if ((this.#controller.desiredSize ?? 1) <= 0) {
      await new Promise<void>((resolve) => {
        this.#resumeWriter = resolve
      })
    }
  }

  writeSSE(message: SseMessage): Promise<void> {
    let frame = ''
    if (message.event !== undefined) frame += `event: ${singleLine('event', message.event)}\n`
    if (message.id !== undefined) frame += `id: ${singleLine('id', message.id)}\n`
    if (message.retry !== undefined) frame += `retry: ${Math.floor(message.retry)}\n`
    for (const line of message.data.split(/\r\n|\r|\n/)) frame += `data: ${line}\n`
    return this.write(`${frame}\n`)
  }

  sleep(ms: number): Promise<void> {
    if (this.aborted) return Promise.resolve()
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer)
        this.#sleepers.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      this.#sleepers.add(wake)
    })
  }

  onAbort(listener: () => void): void {
    if (this.aborted) listener()
    else this.#abortListeners.push(listener)
  }

  close(): void {
    try {
      this.#controller.close()
    } catch {
      // the reader already cancelled the stream
    }
  }

  fail(error: unknown): void {
    try {
      this.#controller.error(error)
    } catch {
      // the reader already cancelled the stream
    }
  }
}

function singleLine(field: string, value: string): string {
  if (/[\r\n]/.test(value)) throw new TypeError(`SSE ${field} must not contain line breaks`)
  return value
}

/** A byte stream fed by `write`, with backpressure and client-abort detection. */
export function createResponseStream(
  write: (stream: SseWriter) => Promise<void>,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  const writer = new ResponseStreamWriter(signal)
  Promise.resolve()
    .then(() => write(writer))
    .then(
      () => writer.close(),
      (error: unknown) => writer.fail(error),
    )
  return writer.stream
}
