import type { HeaderRecord } from './fast-response.ts'
import { OpenSpeedError } from './openspeed-error.ts'

export type { HeaderRecord } from './fast-response.ts'

const kTokenPattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const kUnsafeValuePattern = /[\r\n\0]/

/** Throws unless `name` is an HTTP token and `value` has no CR, LF or NUL (header injection). */
export function assertSafeHeader(name: string, value: string): void {
  if (!kTokenPattern.test(name)) {
    throw new OpenSpeedError('OS_ERR_RESPONSE_INVALID_HEADER', `Invalid header name ${JSON.stringify(name)}`)
  }
  if (kUnsafeValuePattern.test(value)) {
    throw new OpenSpeedError(
      'OS_ERR_RESPONSE_INVALID_HEADER',
      `Header "${name}" has a value containing CR, LF or NUL, which would allow header injection`,
    )
  }
}

/**
 * Header init for a Web `Response`: the record itself when every value is a string (runtimes build
 * their headers from a plain object natively, faster than from a `Headers` filled in JavaScript),
 * else `Headers` with each `set-cookie` kept separate.
 */
export function toHeadersInit(record: HeaderRecord): HeadersInit {
  for (const name in record) if (typeof record[name] !== 'string') return toWebHeaders(record)
  return record as Record<string, string>
}

function toWebHeaders(record: HeaderRecord): Headers {
  const headers = new Headers()
  for (const name in record) {
    const value = record[name]!
    if (typeof value === 'string') headers.set(name, value)
    else for (const item of value) headers.append(name, item)
  }
  return headers
}

/** Adds one header to a record; `set-cookie` accumulates, other names are replaced or appended. */
export function addHeader(record: HeaderRecord, name: string, value: string, append: boolean): void {
  const current = record[name]
  if (name === 'set-cookie') {
    if (current === undefined) record[name] = [value]
    else if (typeof current === 'string') record[name] = [current, value]
    else current.push(value)
  } else if (append && current !== undefined) {
    record[name] = `${typeof current === 'string' ? current : current.join(', ')}, ${value}`
  } else {
    record[name] = value
  }
}
