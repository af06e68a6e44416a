import type { APIGatewayProxyResult, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import type { EventFormat } from './_format.ts'
import type { LambdaResult } from './types.ts'

const kTextType =
  /^(?:text\/|application\/(?:[\w.+-]+\+)?(?:json|xml|javascript|x-www-form-urlencoded|graphql)\b)/i
const kUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Headers other than Set-Cookie, repeated values joined with `, ` (what `Headers` does). */
export function singleValueHeaders(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [name, value] of headers) if (name !== 'set-cookie') result[name] = value
  return result
}

// text stays text (readable in logs and mapping templates); anything else, or anything that is
// compressed or not valid UTF-8, goes as base64 so no byte is lost
function encodeBody(bytes: Uint8Array, headers: Headers): { body: string; isBase64Encoded: boolean } {
  if (bytes.byteLength === 0) return { body: '', isBase64Encoded: false }
  if (kTextType.test(headers.get('content-type') ?? '') && !headers.has('content-encoding')) {
    try {
      return { body: kUtf8.decode(bytes), isBase64Encoded: false }
    } catch {}
  }
  return {
    body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    isBase64Encoded: true,
  }
}

const droppedCookies = (count: number): string =>
  `The response sets ${count} cookies, but an ALB target group without multi-value headers carries ` +
  'one Set-Cookie header: only the first was sent. Enable multi-value headers on the target group.'

/** Converts a Web `Response` into the result shape of the event's format. */
export async function toLambdaResult(
  response: Response,
  format: EventFormat,
  logError: (error: unknown) => void,
): Promise<LambdaResult> {
  const { body, isBase64Encoded } = encodeBody(new Uint8Array(await response.arrayBuffer()), response.headers)
  const headers = singleValueHeaders(response.headers)
  const cookies = response.headers.getSetCookie()
  const statusCode = response.status
  if (format === 'v2') {
    const result: APIGatewayProxyStructuredResultV2 = { statusCode, headers, body, isBase64Encoded }
    if (cookies.length > 0) result.cookies = cookies
    return result
  }
  if (format === 'alb-multi') {
    const multiValueHeaders: Record<string, string[]> = {}
    for (const name in headers) multiValueHeaders[name] = [headers[name]!]
    if (cookies.length > 0) multiValueHeaders['set-cookie'] = cookies
    return { statusCode, multiValueHeaders, body, isBase64Encoded }
  }
  if (format === 'alb') {
    // without multi-value headers a target group carries one value per header, and cookies joined
    // with commas would reach the browser as one garbled cookie: send the first, report the rest
    if (cookies.length > 0) headers['set-cookie'] = cookies[0]!
    if (cookies.length > 1) logError(new Error(droppedCookies(cookies.length)))
    return { statusCode, headers, body, isBase64Encoded }
  }
  const result: APIGatewayProxyResult = { statusCode, headers, body, isBase64Encoded }
  if (cookies.length > 0) result.multiValueHeaders = { 'set-cookie': cookies }
  return result
}
