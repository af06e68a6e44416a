/** Writes chunks to a streamed response (`c.stream()`). */
export interface StreamWriter {
  /** Writes a chunk; resolves when the client is ready for more. No-op once aborted. */
  write(chunk: string | Uint8Array): Promise<void>
  /** Waits, for example between ticks, but wakes early when the client disconnects. */
  sleep(ms: number): Promise<void>
  /** Runs `listener` when the client disconnects. */
  onAbort(listener: () => void): void
  /** True once the client has disconnected. */
  readonly aborted: boolean
}

/** One Server-Sent Event. */
export interface SseMessage {
  data: string
  event?: string
  id?: string
  retry?: number
}

/** Writes Server-Sent Events (`c.sse()`). */
export interface SseWriter extends StreamWriter {
  writeSSE(message: SseMessage): Promise<void>
}
