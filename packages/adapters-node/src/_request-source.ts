import type { Http2ServerRequest } from 'node:http2'
import type { TLSSocket } from 'node:tls'
import type { ConnInfo, HttpError } from '@openspeed/core'
import {
  assertContentLength,
  invalidHostError,
  isValidAuthority,
  type RequestSource,
  readStreamWithLimit,
} from '@openspeed/core/adapter'
import { bytesStream, readNodeBody, toWebStream } from './_body.ts'
import { splitAbsoluteForm } from './_target.ts'
import { NodeAdapterError } from './errors.ts'
import type { NodeRequest, NodeResponse } from './types.ts'

/** Whether the response's connection is gone (client disconnect or destroyed stream). */
export function isClosed(res: NodeResponse): boolean {
  return 'stream' in res ? res.stream.destroyed : res.destroyed
}

/**
 * The `RequestSource` core reads on Node. Everything is lazy: `Headers`, the `AbortController`
 * (and its `close` listener), the body and the Web `Request` are only built when user code asks,
 * so a plain `c.text()` route costs one small object per request.
 */
export class NodeRequestSource implements RequestSource {
  readonly method: string
  readonly target: string
  readonly invalid: HttpError | undefined
  readonly #req: NodeRequest
  readonly #res: NodeResponse
  readonly #origin: string | undefined
  #headers: Headers | undefined
  #controller: AbortController | undefined
  #bytes: Uint8Array | undefined
  #reading: Promise<Uint8Array> | undefined
  #stream: ReadableStream<Uint8Array> | null | undefined
  #request: Request | undefined

  constructor(req: NodeRequest, res: NodeResponse) {
    this.#req = req
    this.#res = res
    this.method = req.method ?? 'GET'
    const url = req.url ?? '/'
    let valid: boolean
    if (url.charCodeAt(0) === 47 /* "/" */) {
      this.target = url
      const host = hostHeader(req)
      // no Host at all (HTTP/1.0) is allowed: url() then names localhost
      valid = host === undefined || host === '' || isValidAuthority(host)
    } else {
      const split = splitAbsoluteForm(url)
      this.target = split === null ? url : split.target
      this.#origin = split?.origin
      // RFC 9112 §3.2.2: the authority of an absolute-form target replaces the Host header
      valid = split === null || isValidAuthority(split.origin, split.origin.indexOf('://') + 3)
    }
    this.invalid = valid ? undefined : invalidHostError()
  }

  connInfo(): ConnInfo {
    const socket = this.#req.socket
    const family = socket.remoteFamily
    return {
      remote: {
        address: socket.remoteAddress,
        port: socket.remotePort,
        family: family === 'IPv4' || family === 'IPv6' ? family : undefined,
      },
    }
  }

  header(name: string): string | undefined {
    if (name.charCodeAt(0) === 58 /* ":" HTTP/2 pseudo-header */) return undefined
    const value = this.#req.headers[name]
    return value === undefined || typeof value === 'string' ? value : value.join(', ')
  }

  headers(): Headers {
    if (this.#headers !== undefined) return this.#headers
    const headers = new Headers()
    const record = this.#req.headers
    for (const name in record) {
      const value = record[name]
      if (value === undefined || name.charCodeAt(0) === 58) continue
      if (typeof value === 'string') headers.append(name, value)
      else for (const item of value) headers.append(name, item)
    }
    return (this.#headers = headers)
  }

  url(): string {
    if (this.#origin !== undefined) return this.#origin + this.target
    const req = this.#req
    const host = hostHeader(req) || 'localhost'
    const scheme =
      req.httpVersionMajor === 2
        ? req.headers[':scheme']
        : (req.socket as TLSSocket | null)?.encrypted === true
          ? 'https'
          : 'http'
    return `${scheme === 'https' ? 'https' : 'http'}://${host}${this.target}`
  }

  get signal(): AbortSignal {
    let controller = this.#controller
    if (controller === undefined) {
      const res = this.#res
      const created = new AbortController()
      controller = this.#controller = created
      if (isClosed(res)) created.abort(clientGone())
      else
        res.once('close', () => {
          if (!res.writableFinished) created.abort(clientGone())
        })
    }
    return controller.signal
  }

  #hasBody(): boolean {
    const req = this.#req
    if (req.readableEnded) return false
    if (req.httpVersionMajor === 2) return !(req as Http2ServerRequest).stream.endAfterHeaders
    const length = req.headers['content-length']
    return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  }

  readBody(limit: number): Promise<Uint8Array> {
    if (this.#bytes !== undefined) return Promise.resolve(this.#bytes)
    if (this.#reading !== undefined) return this.#reading
    try {
      assertContentLength(this.#req.headers['content-length'], limit)
    } catch (error) {
      return Promise.reject(error)
    }
    const stream = this.#stream
    let reading: Promise<Uint8Array>
    if (stream === null || (stream === undefined && !this.#hasBody()))
      reading = Promise.resolve(new Uint8Array(0))
    else if (stream === undefined) reading = readNodeBody(this.#req, limit)
    else if (stream.locked)
      return Promise.reject(
        new NodeAdapterError(
          'OS_ERR_NODE_BODY_STREAM_LOCKED',
          'The request body stream is already being read',
        ),
      )
    else reading = readStreamWithLimit(stream, limit)
    this.#reading = reading.then((bytes) => (this.#bytes = bytes))
    return this.#reading
  }

  stream(): ReadableStream<Uint8Array> | null {
    if (this.#stream !== undefined) return this.#stream
    if (this.#bytes !== undefined) return (this.#stream = bytesStream(this.#bytes))
    if (this.#reading !== undefined) return (this.#stream = bytesStream(this.#reading))
    return (this.#stream = this.#hasBody() ? toWebStream(this.#req) : null)
  }

  toRequest(): Request {
    if (this.#request !== undefined) return this.#request
    const init: RequestInit & { duplex?: 'half' } = {
      method: this.method,
      headers: this.headers(),
      signal: this.signal,
    }
    if (this.method !== 'GET' && this.method !== 'HEAD') {
      // keep the bytes a body reader already consumed, so `c.req.raw` still carries the body
      const body = this.#bytes ?? this.stream()
      if (body !== null) {
        init.body = body as BodyInit
        init.duplex = 'half'
      }
    }
    return (this.#request = new Request(this.url(), init))
  }
}

/** The Host header (`:authority` on HTTP/2), as sent. */
function hostHeader(req: NodeRequest): string | undefined {
  const headers = req.headers
  return req.httpVersionMajor === 2
    ? ((headers[':authority'] as string | undefined) ?? headers.host)
    : headers.host
}

function clientGone(): DOMException {
  return new DOMException('The client disconnected before the response was complete', 'AbortError')
}
