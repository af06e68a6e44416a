import { serve } from '@openspeed/adapters-node'
import type { OpenSpeed } from '@openspeed/core'

/** Serves `app` with the Node adapter on a free loopback port for the duration of `run`. */
export async function withServer(
  app: OpenSpeed<any, any>,
  run: (url: string) => Promise<void>,
): Promise<void> {
  const handle = await serve(app, { port: 0, hostname: '127.0.0.1', gracefulShutdown: false })
  try {
    await run(handle.url)
  } finally {
    await handle.close()
  }
}

/** Reads an RFC 9457 problem response, checking its media type. */
export async function problemOf(
  response: Response,
): Promise<{ status: number; code?: string; detail?: string }> {
  if (response.headers.get('content-type') !== 'application/problem+json') {
    throw new Error(`expected a problem+json response, got ${response.headers.get('content-type')}`)
  }
  return (await response.json()) as { status: number; code?: string; detail?: string }
}

/** A promise with its resolve function, for events a test waits on. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
