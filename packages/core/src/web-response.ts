import { FastResponse, type HeaderRecord, type ResponseBody } from './fast-response.ts'

/**
 * Converts a handle result to a Web `Response`. HEAD responses lose their body but keep the
 * `Content-Length` the GET body would have had (RFC 9110 §8.6), which runtimes would otherwise
 * report as 0.
 */
export function toWebResponse(result: Response | FastResponse, head = false): Response {
  if (head) {
    if (result instanceof FastResponse) {
      const { body } = result
      if (body instanceof ReadableStream) body.cancel().catch(() => {})
      return new FastResponse(result.status, withLength(result.headers, body), null).toResponse()
    }
    if (result.body !== null) result.body.cancel().catch(() => {})
    return new Response(null, result)
  }
  return result instanceof FastResponse ? result.toResponse() : result
}

function withLength(headers: HeaderRecord, body: ResponseBody): HeaderRecord {
  if (headers['content-length'] !== undefined) return headers
  let length: number
  if (typeof body === 'string') length = new TextEncoder().encode(body).byteLength
  else if (body instanceof Uint8Array || body instanceof ArrayBuffer) length = body.byteLength
  else return headers
  return { ...headers, 'content-length': String(length) }
}
