import { FastResponse } from './fast-response.ts'

/** Converts a handle result to a Web `Response`; HEAD responses lose their body. */
export function toWebResponse(result: Response | FastResponse, head = false): Response {
  if (head) {
    if (result instanceof FastResponse) {
      if (result.body instanceof ReadableStream) result.body.cancel().catch(() => {})
      return new FastResponse(result.status, result.headers, null).toResponse()
    }
    if (result.body !== null) result.body.cancel().catch(() => {})
    return new Response(null, result)
  }
  return result instanceof FastResponse ? result.toResponse() : result
}
