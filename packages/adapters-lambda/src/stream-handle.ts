import type { Writable } from 'node:stream'
import type { OpenSpeed } from '@openspeed/core'
import { defaultLogError } from '@openspeed/core/adapter'
import type { Context as LambdaContext } from 'aws-lambda'
import { eventFormat } from './_format.ts'
import { PendingWork, respondToEvent } from './_respond.ts'
import { singleValueHeaders } from './_response.ts'
import { LambdaAdapterError } from './errors.ts'
import type { LambdaHandlerOptions, LambdaHttpEvent } from './types.ts'

/**
 * A streaming Lambda handler, as `awslambda.streamifyResponse()` returns it.
 *
 * @example
 * export const handler: LambdaStreamHandler = streamHandle(app)
 */
export type LambdaStreamHandler = (
  event: LambdaHttpEvent,
  responseStream: Writable,
  context: LambdaContext,
) => Promise<void>

interface StreamingRuntime {
  streamifyResponse(handler: LambdaStreamHandler): LambdaStreamHandler
  HttpResponseStream: { from(stream: Writable, metadata: Record<string, unknown>): Writable }
}

function write(stream: Writable, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(chunk, (error) => (error ? reject(error) : resolve()))
  })
}

async function pipeBody(body: ReadableStream<Uint8Array> | null, stream: Writable): Promise<void> {
  // the first write sends the status and headers, so an empty body still needs one
  await write(stream, new Uint8Array(0))
  if (body === null) return
  const reader = body.getReader()
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read())
      await write(stream, next.value)
  } finally {
    reader.releaseLock()
  }
}

/**
 * Turns an app into a streaming Lambda handler (`awslambda.streamifyResponse`), for Function URLs
 * with `InvokeMode: RESPONSE_STREAM`. Status, headers and cookies go first; then each chunk of
 * `c.stream()`, `c.sse()` or a `Response` stream body is sent as it is produced, past the 6 MB
 * limit of buffered responses. Only inside the AWS Lambda Node.js runtime, which defines the
 * `awslambda` global: anywhere else it throws `OS_ERR_LAMBDA_STREAMING_UNAVAILABLE`.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { streamHandle } from '@openspeed/adapters-lambda'
 *
 * const app = new OpenSpeed().get('/ticks', (c) => c.sse(async (sse) => {
 *   for (let i = 0; i < 3; i++) await sse.writeSSE({ data: String(i) })
 * }))
 * export const handler = streamHandle(app)
 */
export function streamHandle(
  app: OpenSpeed<any, any>,
  options: LambdaHandlerOptions = {},
): LambdaStreamHandler {
  const runtime = (globalThis as unknown as { awslambda?: StreamingRuntime }).awslambda
  if (typeof runtime?.streamifyResponse !== 'function') {
    throw new LambdaAdapterError(
      'OS_ERR_LAMBDA_STREAMING_UNAVAILABLE',
      'awslambda.streamifyResponse is not defined: streamHandle() runs only inside the AWS Lambda ' +
        'Node.js runtime; use handle() elsewhere',
    )
  }
  const logError = options.logError ?? defaultLogError
  return runtime.streamifyResponse(async (event, responseStream, context) => {
    const format = eventFormat(event)
    const pending = new PendingWork()
    const response = await respondToEvent(app, event, format, context, pending, logError)
    const headers = singleValueHeaders(response.headers)
    // the body goes out in chunks, so a length (which a HEAD answer keeps) would describe nothing sent
    delete headers['content-length']
    const metadata = { statusCode: response.status, headers, cookies: response.headers.getSetCookie() }
    const stream = runtime.HttpResponseStream.from(responseStream, metadata)
    try {
      await pipeBody(response.body, stream)
    } catch (error) {
      // the status line is gone already: the client sees a cut-off body, the log sees why
      logError(error)
    }
    stream.end()
    await pending.settle(logError)
  })
}
