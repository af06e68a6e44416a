import { type ConnInfo, HttpError } from '@openspeed/core'
import type { ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda'
import type { EventFormat } from './_format.ts'
import { eventOrigin, eventTarget } from './_url.ts'

type HeaderValues = Record<string, string | string[] | undefined> | null | undefined

const kBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const kNoBody = new Set(['GET', 'HEAD'])

/** What an HTTP event describes: the request, and the client address API Gateway or ALB saw. */
export interface EventRequest {
  request: Request
  connInfo: ConnInfo
}

function invalidEvent(detail: string): HttpError {
  return new HttpError(400, { code: 'OS_ERR_LAMBDA_INVALID_EVENT', detail })
}

function eventHeaders(event: Record<string, unknown>, format: EventFormat): Headers {
  const headers = new Headers()
  const values = (
    format === 'v2' ? event.headers : (event.multiValueHeaders ?? event.headers)
  ) as HeaderValues
  for (const name in values) {
    const value = values[name]
    if (value === undefined) continue
    try {
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
    } catch {
      throw invalidEvent(`The event's header ${JSON.stringify(name)} has an invalid name or value`)
    }
  }
  const cookies = (event as unknown as APIGatewayProxyEventV2).cookies
  // HTTP API payload 2.0 moves the Cookie header into `cookies`
  if (format === 'v2' && Array.isArray(cookies) && cookies.length > 0)
    headers.set('cookie', cookies.join('; '))
  return headers
}

function eventBody(event: Record<string, unknown>): Uint8Array<ArrayBuffer> | undefined {
  const { body, isBase64Encoded } = event
  if (typeof body !== 'string' || body === '') return undefined
  if (isBase64Encoded !== true) return new TextEncoder().encode(body)
  if (!kBase64.test(body)) {
    throw new HttpError(400, {
      code: 'OS_ERR_LAMBDA_INVALID_BASE64',
      detail: 'The event body is marked isBase64Encoded but is not valid base64',
    })
  }
  return Buffer.from(body, 'base64')
}

function eventMethod(event: Record<string, unknown>, format: EventFormat): unknown {
  return format === 'v2'
    ? (event as unknown as APIGatewayProxyEventV2).requestContext.http?.method
    : event.httpMethod
}

function sourceIp(event: Record<string, unknown>, format: EventFormat, headers: Headers): string | undefined {
  if (format === 'v2') return (event as unknown as APIGatewayProxyEventV2).requestContext.http?.sourceIp
  if (format === 'v1') return (event as unknown as APIGatewayProxyEvent).requestContext.identity?.sourceIp
  // ALB has no source IP field: it appends the address it saw to X-Forwarded-For, so that is the last entry
  return headers.get('x-forwarded-for')?.split(',').pop()?.trim() || undefined
}

function toConnInfo(address: string | undefined): ConnInfo {
  if (typeof address !== 'string' || address === '') return { remote: {} }
  return { remote: { address, family: address.includes(':') ? 'IPv6' : 'IPv4' } }
}

/** Builds the Web `Request` an HTTP event describes; throws a 400 `HttpError` for a malformed one. */
export function toEventRequest(event: Record<string, unknown>, format: EventFormat): EventRequest {
  const method = eventMethod(event, format)
  if (typeof method !== 'string' || method === '') throw invalidEvent('The event has no HTTP method')
  const headers = eventHeaders(event, format)
  let url: string
  try {
    const domainName = (event as unknown as APIGatewayProxyEventV2 | ALBEvent).requestContext as {
      domainName?: unknown
    }
    const origin = eventOrigin(headers, domainName.domainName)
    // the Host header then names the authority the URL was built with: a Host no URL can hold
    // (which Lambda's front ends pass through) is replaced by the API domain, never routed on
    headers.set('host', origin.slice(origin.indexOf('://') + 3))
    url = origin + eventTarget(event, format)
  } catch {
    throw invalidEvent('The event has no path, or a path that is not valid Unicode')
  }
  const upper = method.toUpperCase()
  const body = kNoBody.has(upper) ? undefined : eventBody(event)
  if (body === undefined) headers.delete('content-length')
  else headers.set('content-length', String(body.byteLength))
  let request: Request
  try {
    request = new Request(url, { method: upper, headers, body })
  } catch {
    throw invalidEvent(`The event's method ${JSON.stringify(method)} is not a valid HTTP method`)
  }
  return { request, connInfo: toConnInfo(sourceIp(event, format, headers)) }
}
