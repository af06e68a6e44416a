import { get, type IncomingHttpHeaders } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { expect } from 'vitest'
import type { SuiteContext } from './_suite-context.ts'
import { compressedText } from './fixture.ts'

let ids = 0
const uniqueId = (): string => `${process.pid}-${Date.now()}-${++ids}`
const decoder = new TextDecoder()

/** Reads from a body until `text` has arrived; returns everything read. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string): Promise<string> {
  let seen = ''
  while (!seen.includes(text)) {
    const { done, value } = await reader.read()
    if (done) break
    seen += decoder.decode(value, { stream: true })
  }
  return seen
}

/** A GET whose body is not decoded, unlike fetch's. */
function rawGet(
  target: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(target, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    }).on('error', reject)
  })
}

const kIdentity = { 'accept-encoding': 'identity' }

/** Streamed responses, SSE, client aborts and compression. */
export function streamCases({ test, url }: SuiteContext): void {
  test(
    'delivers streamed chunks while the handler is still writing',
    async () => {
      const id = uniqueId()
      // identity: a runtime that compresses on its own (workerd) would buffer the chunks
      const response = await fetch(url(`/stream/gated/${id}`), { headers: kIdentity })
      expect(response.status).toBe(200)
      const reader = response.body!.getReader()
      // "second" is only written after this request opens the gate
      expect(await readUntil(reader, 'first\n')).toBe('first\n')
      expect((await fetch(url(`/gate/${id}`), { method: 'POST' })).status).toBe(204)
      let rest = ''
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        rest += decoder.decode(chunk.value, { stream: true })
      }
      expect(rest).toBe('second\n')
    },
    'no-streaming',
  )

  test('sends Server-Sent Events', async () => {
    const response = await fetch(url('/sse'))
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    const frames = (await response.text()).split('\n\n').filter(Boolean)
    expect(frames).toEqual([1, 2, 3].map((i) => `event: tick\nid: ${i}\ndata: line ${i}\ndata: more`))
  })

  test(
    'aborts c.req.signal when the client goes away before the response',
    async () => {
      const id = uniqueId()
      const controller = new AbortController()
      const pending = fetch(url(`/abort/hang/${id}`), { signal: controller.signal }).catch((error) => error)
      expect(await (await fetch(url(`/events/started:${id}`))).json()).toEqual({ happened: true })
      controller.abort()
      expect(await pending).toBeInstanceOf(Error)
      expect(await (await fetch(url(`/events/aborted:${id}`))).json()).toEqual({ happened: true })
    },
    'no-client-abort',
  )

  test(
    'tells a streaming handler when the client goes away mid-stream',
    async () => {
      const id = uniqueId()
      const controller = new AbortController()
      const response = await fetch(url(`/abort/stream/${id}`), {
        signal: controller.signal,
        headers: kIdentity,
      })
      const reader = response.body!.getReader()
      expect(await readUntil(reader, 'tick\n')).toBe('tick\n')
      controller.abort()
      expect(await (await fetch(url(`/events/aborted:${id}`))).json()).toEqual({ happened: true })
    },
    'no-client-abort',
  )

  test(
    'sends a body gzipped with CompressionStream, with Content-Encoding',
    async () => {
      const response = await fetch(url('/gzip'), { headers: { 'accept-encoding': 'gzip' } })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-encoding')).toBe('gzip')
      expect(response.headers.get('vary')).toBe('accept-encoding')
      // fetch decodes gzip itself: check the bytes on the wire with node:http too
      expect(await response.text()).toBe(compressedText)
      const wire = await rawGet(url('/gzip'), { 'accept-encoding': 'gzip' })
      expect(wire.headers['content-encoding']).toBe('gzip')
      expect(gunzipSync(wire.body).toString('utf8')).toBe(compressedText)
    },
    'no-compression',
  )
}
