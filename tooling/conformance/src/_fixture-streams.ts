import type { OpenSpeed } from '@openspeed/core'
import { fire, waitFor } from './_fixture-signals.ts'

/** How long the fixture waits for a test's follow-up request before giving up, in ms. */
const kWaitTimeout = 15_000

/** The text `/gzip` compresses. */
export const compressedText: string = 'OpenSpeed compresses this line. '.repeat(200)

/** Streams, Server-Sent Events, client aborts and compression. */
export function addStreamRoutes(app: OpenSpeed): void {
  // the second chunk is only written once the client has seen the first and opened the gate, so
  // a runtime that buffers the body never delivers "first" on its own
  app.get('/stream/gated/:id', (c) => {
    const id = c.req.param('id')
    return c.stream(async (stream) => {
      await stream.write('first\n')
      const opened = await waitFor(`gate:${id}`, kWaitTimeout)
      await stream.write(opened ? 'second\n' : 'gate timed out\n')
    })
  })
  app.post('/gate/:id', (c) => {
    fire(`gate:${c.req.param('id')}`)
    return c.body(null, 204)
  })

  app.get('/sse', (c) =>
    c.sse(async (stream) => {
      for (let i = 1; i <= 3; i++)
        await stream.writeSSE({ id: String(i), event: 'tick', data: `line ${i}\nmore` })
    }),
  )

  // the handler never answers: only the client going away ends it
  app.get('/abort/hang/:id', async (c) => {
    const id = c.req.param('id')
    const signal = c.req.signal
    fire(`started:${id}`)
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve()
      else signal.addEventListener('abort', () => resolve(), { once: true })
    })
    fire(`aborted:${id}`)
    return c.text('aborted')
  })
  app.get('/abort/stream/:id', (c) => {
    const id = c.req.param('id')
    return c.stream(async (stream) => {
      stream.onAbort(() => fire(`aborted:${id}`))
      await stream.write('tick\n')
      fire(`started:${id}`)
      await waitFor(`aborted:${id}`, kWaitTimeout)
    })
  })
  app.get('/events/:name', async (c) => {
    const happened = await waitFor(c.req.param('name'), kWaitTimeout)
    return c.json({ happened })
  })

  app.get('/gzip', (c) => {
    const body = new Blob([compressedText]).stream().pipeThrough(new CompressionStream('gzip'))
    return c.body(body, 200, {
      'content-type': 'text/plain; charset=UTF-8',
      'content-encoding': 'gzip',
      vary: 'accept-encoding',
    })
  })
}
