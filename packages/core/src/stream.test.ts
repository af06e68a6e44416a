import { describe, expect, it } from 'vitest'
import { OpenSpeed } from './open-speed.ts'

describe('streaming responses', () => {
  it('streams text chunks', async () => {
    const app = new OpenSpeed().get('/count', (c) =>
      c.stream(async (stream) => {
        for (let i = 0; i < 3; i++) await stream.write(`${i}\n`)
        await stream.write(new TextEncoder().encode('done'))
      }),
    )
    const response = await app.request('/count')
    expect(response.headers.get('content-type')).toBe('text/plain; charset=UTF-8')
    expect(await response.text()).toBe('0\n1\n2\ndone')
  })

  it('formats server-sent events and refuses line breaks in fields', async () => {
    const app = new OpenSpeed()
      .get('/events', (c) =>
        c.sse(async (stream) => {
          await stream.writeSSE({ event: 'tick', id: '1', retry: 1000.5, data: 'line one\nline two' })
          await stream.writeSSE({ data: '{"x":1}' })
        }),
      )
      .get('/inject', (c) => c.sse(async (stream) => stream.writeSSE({ event: 'a\nevent: b', data: 'x' })))
    const response = await app.request('/events')
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(await response.text()).toBe(
      'event: tick\nid: 1\nretry: 1000\ndata: line one\ndata: line two\n\ndata: {"x":1}\n\n',
    )
    await expect((await app.request('/inject')).text()).rejects.toThrow(/line breaks/)
  })

  it('waits for the reader (backpressure) and stops when the client cancels', async () => {
    let written = 0
    let abortedSeen = false
    const app = new OpenSpeed().get('/firehose', (c) =>
      c.stream(async (stream) => {
        stream.onAbort(() => {
          abortedSeen = true
        })
        const chunk = new Uint8Array(16 * 1024)
        while (!stream.aborted) {
          await stream.write(chunk)
          written++
        }
        await stream.write(chunk)
        await stream.sleep(10_000)
      }),
    )
    const response = await app.request('/firehose')
    const reader = response.body!.getReader()
    await reader.read()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(written).toBeLessThan(10)
    await reader.cancel()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(abortedSeen).toBe(true)
  })

  it('sees an already-aborted request and wakes sleepers on abort', async () => {
    const controller = new AbortController()
    let aborted: boolean | undefined
    const app = new OpenSpeed().get('/', (c) =>
      c.stream(async (stream) => {
        aborted = stream.aborted
        let late = false
        stream.onAbort(() => {
          late = true
        })
        await stream.sleep(5)
        aborted = aborted && late
      }),
    )
    controller.abort()
    const response = await app.fetch(new Request('http://x/', { signal: controller.signal }))
    await response.text()
    expect(aborted).toBe(true)
  })
})
