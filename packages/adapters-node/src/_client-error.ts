import { Buffer } from 'node:buffer'
import type { Duplex } from 'node:stream'
import { type ErrorCode, HttpError, toProblemResponse } from '@openspeed/core'

const kProblems: Record<string, [ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: ['OS_ERR_REQUEST_HEADERS_TOO_LARGE', 'The request headers are too large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [
    'OS_ERR_REQUEST_BODY_TOO_LARGE',
    'The request chunk extensions are too large',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: ['OS_ERR_REQUEST_TIMEOUT', 'The request was not received in time'],
}
const kUnparsable: [ErrorCode, string] = [
  'OS_ERR_REQUEST_UNPARSABLE',
  'The request could not be parsed as HTTP',
]

/**
 * `clientError` listener: requests Node's parser rejects (bad request line, invalid version or
 * header characters, oversized headers, timeouts) never reach the app, so they are answered here
 * with a short problem+json and `Connection: close`, then the socket is closed.
 */
export function onClientError(error: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent: boolean } | null })._httpMessage
  // bytes after a `Connection: close` request are ignored (RFC 9112 §9.6): the answer in flight
  // is finished, and Node closes the connection after it
  if (error.code === 'HPE_CLOSED_CONNECTION') {
    if (!inFlight) socket.destroy()
    return
  }
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy()
    return
  }
  const [code, detail] = kProblems[error.code ?? ''] ?? kUnparsable
  const problemError = HttpError.fromCode(code, { detail })
  const body = toProblemResponse(problemError).body as string
  socket.end(
    `HTTP/1.1 ${problemError.status} ${problemError.title}\r\n` +
      `content-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `connection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  )
}
