import { OpenSpeed } from '@openspeed/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { awslambda, responseStream, splitPrelude } from '../test/_awslambda.ts'
import { fixture, lambdaContext } from '../test/_lambda.ts'
import { LambdaAdapterError } from './errors.ts'
import { streamHandle } from './stream-handle.ts'

let release!: () => void
const app = new OpenSpeed()
  .get('/my/path', (c) =>
    c.sse(async (sse) => {
      await sse.writeSSE({ data: 'first' })
      await new Promise<void>((resolve) => {
        release = resolve
      })
      await sse.writeSSE({ data: 'second' })
    }),
  )
  .get('/cookies', (c) => {
    c.header('set-cookie', 'a=1', { append: true })
    c.header('set-cookie', 'b=2', { append: true })
    return c.body(null, 204)
  })
  .get('/broken', () => {
    let pulls = 0
    const body = new ReadableStream({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(new TextEncoder().encode('partial'))
        else controller.error(new Error('upstream reset'))
      },
    })
    return new Response(body)
  })
  .get('/later', (c) => {
    c.executionCtx!.waitUntil(Promise.reject(new Error('audit log down')))
    return c.text('done')
  })

const event = (path: string) => {
  const value = fixture('function-url')
  value.rawPath = path
  value.requestContext.http.method = 'GET'
  return value
}

describe('streamHandle inside the Lambda runtime', () => {
  beforeEach(() => {
    vi.stubGlobal('awslambda', awslambda)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('is marked as a streaming handler', () => {
    const handler = streamHandle(app)
    expect((handler as any)[Symbol.for('aws.lambda.runtime.handler.streaming')]).toBe('response')
  })

  it('sends the status and headers first, then each chunk as it is produced', async () => {
    const { stream, chunks, ended } = responseStream()
    const done = streamHandle(app)(event('/my/path'), stream, lambdaContext())
    await vi.waitFor(() => expect(Buffer.concat(chunks).toString()).toContain('data: first'))
    expect(Buffer.concat(chunks).toString()).not.toContain('second')
    expect(stream.contentType).toBe('application/vnd.awslambda.http-integration-response')
    release()
    await done
    const { prelude, body } = splitPrelude(await ended)
    expect(prelude).toEqual({
      statusCode: 200,
      headers: { 'cache-control': 'no-cache', 'content-type': 'text/event-stream' },
      cookies: [],
    })
    expect(body).toBe('data: first\n\ndata: second\n\n')
  })

  it('sends cookies in the prelude and the prelude even without a body', async () => {
    const { stream, ended } = responseStream()
    await streamHandle(app)(event('/cookies'), stream, lambdaContext())
    const { prelude, body } = splitPrelude(await ended)
    expect(prelude).toMatchObject({ statusCode: 204, cookies: ['a=1', 'b=2'] })
    expect(body).toBe('')
  })

  it('sends no Content-Length, which would not describe a chunked body', async () => {
    const { stream, ended } = responseStream()
    const head = event('/later')
    head.requestContext.http.method = 'HEAD'
    await streamHandle(app, { logError: () => {} })(head, stream, lambdaContext())
    const { prelude, body } = splitPrelude(await ended)
    expect(prelude).toMatchObject({
      statusCode: 200,
      headers: { 'content-type': 'text/plain; charset=UTF-8' },
    })
    expect(prelude.headers).not.toHaveProperty('content-length')
    expect(body).toBe('')
  })

  it('answers a malformed event with a 400 problem', async () => {
    const { stream, ended } = responseStream()
    const bad = event('/my/path')
    bad.requestContext.http.method = 'POST'
    Object.assign(bad, { body: '%%%', isBase64Encoded: true })
    await streamHandle(app)(bad, stream, lambdaContext())
    const { prelude, body } = splitPrelude(await ended)
    expect(prelude).toMatchObject({
      statusCode: 400,
      headers: { 'content-type': 'application/problem+json' },
    })
    expect(JSON.parse(body)).toMatchObject({ code: 'OS_ERR_LAMBDA_INVALID_BASE64' })
  })

  it('ends the stream and reports a body that fails midway', async () => {
    const logError = vi.fn()
    const { stream, ended } = responseStream()
    await streamHandle(app, { logError })(event('/broken'), stream, lambdaContext())
    expect(splitPrelude(await ended).body).toBe('partial')
    expect(logError).toHaveBeenCalledWith(new Error('upstream reset'))
  })

  it('waits for waitUntil work after the body and reports its failures', async () => {
    const logError = vi.fn()
    const { stream, ended } = responseStream()
    await streamHandle(app, { logError })(event('/later'), stream, lambdaContext())
    expect(splitPrelude(await ended).body).toBe('done')
    expect(logError).toHaveBeenCalledWith(new Error('audit log down'))
  })

  it('throws for an event that is not an HTTP event', async () => {
    const { stream } = responseStream()
    await expect(streamHandle(app)({ Records: [] } as never, stream, lambdaContext())).rejects.toMatchObject({
      code: 'OS_ERR_LAMBDA_UNSUPPORTED_EVENT',
    })
  })
})

it('throws outside the Lambda runtime', () => {
  const error = (() => {
    try {
      streamHandle(app)
    } catch (error) {
      return error
    }
  })()
  expect(LambdaAdapterError.isInstance(error)).toBe(true)
  expect(error).toMatchObject({ code: 'OS_ERR_LAMBDA_STREAMING_UNAVAILABLE' })
})
