import { isValidAuthority } from '@openspeed/core/adapter'
import type { ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda'
import type { EventFormat } from './_format.ts'

// REST APIs, ALB and Function URLs pass the path still percent-encoded, HTTP APIs pass it decoded:
// escape only what can never appear in an encoded path, so both come out as the same valid path
const kNotInEncodedPath = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]|%(?![0-9A-Fa-f]{2})/gu

/** The request path as a valid percent-encoded path (throws `URIError` on a lone surrogate). */
export function encodedPath(path: string): string {
  const escaped = path.replace(kNotInEncodedPath, encodeURIComponent)
  return escaped.startsWith('/') ? escaped : `/${escaped}`
}

type QueryParameters = Record<string, string | string[] | undefined> | null | undefined

/** Rebuilds a query string from an event's parameters; API Gateway decodes them, ALB does not. */
function queryString(parameters: QueryParameters, decoded: boolean): string {
  const pairs: string[] = []
  const encode = decoded ? encodeURIComponent : (value: string): string => value
  for (const name in parameters) {
    const values = parameters[name]
    if (values === undefined) continue
    for (const value of Array.isArray(values) ? values : [values])
      pairs.push(`${encode(name)}=${encode(value)}`)
  }
  return pairs.join('&')
}

/** Path and query of an event, as a request target (`/path?query`). */
export function eventTarget(event: Record<string, unknown>, format: EventFormat): string {
  let path: unknown
  let query: string
  if (format === 'v2') {
    const v2 = event as unknown as APIGatewayProxyEventV2
    path = v2.rawPath
    query = typeof v2.rawQueryString === 'string' ? v2.rawQueryString : ''
  } else {
    const v1 = event as unknown as APIGatewayProxyEvent | ALBEvent
    path = v1.path
    query = queryString(v1.multiValueQueryStringParameters ?? v1.queryStringParameters, format === 'v1')
  }
  if (typeof path !== 'string') throw new TypeError('the event has no path')
  return query === '' ? encodedPath(path) : `${encodedPath(path)}?${query}`
}

/**
 * `https://host` for the request URL, from the Host header or else the request context's domain
 * (the AWS service sets both; a value no URL can hold is skipped).
 */
export function eventOrigin(headers: Headers, domainName: unknown): string {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim()
  const protocol = forwarded === 'http' ? 'http' : 'https'
  const host = [headers.get('host'), domainName].find(
    (value) => typeof value === 'string' && isValidAuthority(value),
  )
  return `${protocol}://${host ?? 'localhost'}`
}
