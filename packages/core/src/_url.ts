import { NullProtoRecord } from './_null-proto.ts'
import { HttpError } from './http-error.ts'

function malformed(what: string): HttpError {
  return HttpError.fromCode('OS_ERR_REQUEST_MALFORMED_URL', {
    detail: `The request ${what} has invalid percent-encoding`,
  })
}

/**
 * Percent-decodes a path for matching. Escapes of reserved characters (`%2F`, `%3F`, `%23`, and
 * `%25` itself) stay encoded so a parameter can never gain a `/` or be decoded twice.
 */
export function decodePath(path: string): string {
  try {
    return decodeURI(path.includes('%25') ? path.replace(/%25/g, '%2525') : path)
  } catch {
    throw malformed('path')
  }
}

/** Decodes one route parameter that still holds reserved escapes. */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    throw malformed('path')
  }
}

const kAmpersand = 38
const kEquals = 61
const kPlus = 43
const kPercent = 37

/** Decodes a query component: `+` is a space, malformed escapes are a 400. */
export function decodeQueryComponent(value: string): string {
  const spaced = value.includes('+') ? value.replace(/\+/g, ' ') : value
  if (!spaced.includes('%')) return spaced
  try {
    return decodeURIComponent(spaced)
  } catch {
    throw malformed('query string')
  }
}

function addQueryEntry(
  result: Record<string, string[]>,
  query: string,
  start: number,
  equals: number,
  end: number,
  encoded: boolean,
): void {
  const keyEnd = equals === -1 ? end : equals
  const rawKey = query.slice(start, keyEnd)
  const rawValue = equals === -1 ? '' : query.slice(equals + 1, end)
  const key = encoded ? decodeQueryComponent(rawKey) : rawKey
  const value = encoded ? decodeQueryComponent(rawValue) : rawValue
  const list = result[key]
  if (list === undefined) result[key] = [value]
  else list.push(value)
}

/**
 * Parses a query string (without `?`) into lists of values, keeping repeated keys. One scan finds
 * the separators and whether a pair needs decoding (`+` or `%`); plain pairs are only sliced.
 */
export function parseQuery(query: string): Record<string, string[]> {
  const result = new NullProtoRecord<string[]>()
  let start = 0
  let equals = -1
  let encoded = false
  for (let i = 0; i <= query.length; i++) {
    const code = i === query.length ? kAmpersand : query.charCodeAt(i)
    if (code === kAmpersand) {
      if (i > start) addQueryEntry(result, query, start, equals, i, encoded)
      start = i + 1
      equals = -1
      encoded = false
    } else if (code === kEquals) {
      if (equals === -1) equals = i
    } else if (code === kPlus || code === kPercent) {
      encoded = true
    }
  }
  return result
}
