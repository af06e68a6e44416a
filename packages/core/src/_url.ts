import { HttpError } from './http-error.ts'

/** The path-and-query part of an absolute URL string (`http://h/a?b` -> `/a?b`). */
export function targetFromUrl(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3)
  return start === -1 ? '/' : url.slice(start)
}

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

/** Parses a query string (without `?`) into lists of values, keeping repeated keys. */
export function parseQuery(query: string): Record<string, string[]> {
  const result: Record<string, string[]> = Object.create(null)
  if (query === '') return result
  for (const part of query.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const key = decodeQueryComponent(eq === -1 ? part : part.slice(0, eq))
    const value = eq === -1 ? '' : decodeQueryComponent(part.slice(eq + 1))
    const list = result[key]
    if (list === undefined) result[key] = [value]
    else list.push(value)
  }
  return result
}
