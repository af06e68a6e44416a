import { Buffer } from 'node:buffer'
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { HeaderRecord } from '@openspeed/core'
import { type HandleResult, internalErrorResponse } from '@openspeed/core/adapter'
import { isClosed } from './_request-source.ts'
import { NodeAdapterError } from './errors.ts'
import type { NodeRequest, NodeResponse } from './types.ts'

// headers HTTP/2 forbids (RFC 9113 §8.2.2); Node warns and drops them, so strip them quietly
const kConnectionHeaders = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']

/**
 * Writes what `app.handle()` returned. A `FastResponse` with an in-memory body becomes one
 * `writeHead()` (with Content-Length) + `end(body)`; streams are piped with backpressure.
 * `close` adds `Connection: close` (HTTP/1.x), used while the server drains.
 */
export function writeResult(result: HandleResult, req: NodeRequest, res: NodeResponse, close: boolean): void {
  if (close && req.httpVersionMajor === 1) res.setHeader('connection', 'close')
  if (result instanceof Response) {
    writeWebResponse(result, req, res)
    return
  }
  const headers = result.headers
  if (req.httpVersionMajor === 2) stripConnectionHeaders(headers)
  let body = result.body
  if (body instanceof ArrayBuffer) body = new Uint8Array(body)
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) {
    const status = result.status
    // writeHead() sends the header block as is, so Node would fall back to chunked encoding
    if (headers['content-length'] === undefined && status !== 204 && status !== 304 && status >= 200) {
      headers['content-length'] =
        body === null ? '0' : typeof body === 'string' ? `${Buffer.byteLength(body)}` : `${body.byteLength}`
    }
    res.writeHead(status, headers as OutgoingHttpHeaders)
    if (body === null || req.method === 'HEAD') res.end()
    else res.end(body)
    return
  }
  if (!(body instanceof ReadableStream)) {
    throw new NodeAdapterError('OS_ERR_NODE_UNSUPPORTED_BODY', `Unsupported response body: ${typeof body}`)
  }
  res.writeHead(result.status, headers as OutgoingHttpHeaders)
  writeBodyStream(body, req, res)
}

function writeWebResponse(response: Response, req: NodeRequest, res: NodeResponse): void {
  const headers: HeaderRecord = {}
  for (const [name, value] of response.headers) if (name !== 'set-cookie') headers[name] = value
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  if (req.httpVersionMajor === 2) stripConnectionHeaders(headers)
  res.writeHead(response.status, headers as OutgoingHttpHeaders)
  if (response.body === null) res.end()
  else writeBodyStream(response.body, req, res)
}

function stripConnectionHeaders(headers: HeaderRecord): void {
  for (const name of kConnectionHeaders) if (headers[name] !== undefined) delete headers[name]
}

function writeBodyStream(stream: ReadableStream<Uint8Array>, req: NodeRequest, res: NodeResponse): void {
  const status = res.statusCode
  if (req.method === 'HEAD' || status === 204 || status === 304) {
    stream.cancel().catch(noop)
    res.end()
    return
  }
  // streamed responses (SSE, c.stream) must reach the client before their first chunk
  // Http2ServerResponse has flushHeaders() too, but @types/node 20 does not declare it
  ;(res as ServerResponse).flushHeaders()
  void pipe(stream, res)
}

async function pipe(stream: ReadableStream<Uint8Array>, res: NodeResponse): Promise<void> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  let closed = false
  const onClose = (): void => {
    closed = true
    reader?.cancel().catch(noop)
  }
  res.once('close', onClose)
  try {
    reader = stream.getReader()
    // the client may have gone before the handler answered: 'close' was emitted already
    if (isClosed(res)) onClose()
    for (;;) {
      const { done, value } = await reader.read()
      if (closed) return
      if (done) break
      if (!(res as ServerResponse).write(value) && !closed) await drained(res)
    }
    res.end()
  } catch {
    // the stream failed after the status line went out: abort so the client sees it incomplete
    reader?.cancel().catch(noop)
    res.destroy()
  } finally {
    res.off('close', onClose)
  }
}

function drained(res: NodeResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

/**
 * The last line of defence when `app.handle()` itself throws or rejects (core normally turns
 * every error into a response): a 500 problem+json, or a destroyed socket when the status line
 * was already sent. Never rethrows, so a bug cannot take the process down.
 */
export function writeInternalError(error: unknown, res: NodeResponse, log: (error: unknown) => void): void {
  try {
    log(error)
  } catch {
    // a failing logger must not stop the 500 from being sent
  }
  if (isClosed(res)) return
  if (res.headersSent) {
    res.destroy()
    return
  }
  const problem = internalErrorResponse()
  try {
    for (const name of res.getHeaderNames()) res.removeHeader(name)
    res.writeHead(problem.status, problem.headers as OutgoingHttpHeaders)
    res.end(problem.body as string)
  } catch {
    res.destroy()
  }
}

function noop(): void {}
