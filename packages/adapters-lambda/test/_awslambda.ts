import { PassThrough, type Writable } from 'node:stream'

// The `awslambda` global of the AWS Lambda Node.js runtime, as aws-lambda-ric 4 implements it
// (dist/utils/globals.js and dist/stream/http-response-stream.js): streamifyResponse() marks the
// handler, HttpResponseStream.from() sets the integration content type and, right before the
// first write, sends the JSON metadata prelude followed by 8 NUL bytes.
const kStreaming = Symbol.for('aws.lambda.runtime.handler.streaming')

interface ResponseStream extends PassThrough {
  contentType?: string
  setContentType(type: string): void
  _onBeforeFirstWrite?: (write: (chunk: string | Uint8Array) => void) => void
}

export const awslambda = {
  streamifyResponse<T extends (...args: any[]) => unknown>(handler: T): T {
    Object.assign(handler, { [kStreaming]: 'response' })
    return handler
  },
  HttpResponseStream: {
    from(stream: Writable, prelude: Record<string, unknown>): Writable {
      const target = stream as ResponseStream
      target.setContentType('application/vnd.awslambda.http-integration-response')
      target._onBeforeFirstWrite = (write) => {
        write(JSON.stringify(prelude))
        write(new Uint8Array(8))
      }
      return target
    },
  },
}

/** One invocation's response stream, as the runtime hands it to the handler, plus what arrived. */
export function responseStream(): { stream: ResponseStream; chunks: Buffer[]; ended: Promise<Buffer> } {
  const stream = new PassThrough() as ResponseStream
  stream.setContentType = (type) => {
    stream.contentType = type
  }
  const write = stream.write.bind(stream)
  let first = true
  stream.write = ((chunk: any, ...rest: any[]) => {
    if (first && stream._onBeforeFirstWrite) stream._onBeforeFirstWrite((part) => write(part))
    first = false
    return write(chunk, ...rest)
  }) as typeof stream.write
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<Buffer>((resolve) => stream.on('end', () => resolve(Buffer.concat(chunks))))
  return { stream, chunks, ended }
}

/** Splits what a streaming invocation sent into its metadata prelude and its body. */
export function splitPrelude(sent: Buffer): { prelude: Record<string, unknown>; body: string } {
  const end = sent.indexOf(Buffer.alloc(8))
  return { prelude: JSON.parse(sent.subarray(0, end).toString()), body: sent.subarray(end + 8).toString() }
}
