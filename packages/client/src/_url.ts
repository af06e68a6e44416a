import { ClientError } from './client-error.ts'

// `:name`, `:name?`, `:name{regex}` (OpenSpeed), `*` / `*name` (catch-all) and `{name}` (OpenAPI)
const kParam = /:([A-Za-z_$][\w$]*)(?:\{(?:[^{}]|\{[^{}]*\})*\})?(\?)?|\*([A-Za-z_$][\w$]*)?$|\{([^{}/]+)\}/g

/** Parses and normalises the base URL once: no trailing slash, no query or fragment. */
export function toBaseUrl(baseUrl: string | URL): string {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch (error) {
    throw new ClientError(
      'OS_ERR_CLIENT_INVALID_BASE_URL',
      `The base URL "${String(baseUrl)}" is not an absolute URL (e.g. "https://api.example.com")`,
      { cause: error },
    )
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/**
 * Fills a route pattern with percent-encoded parameter values. A catch-all keeps its slashes
 * (each segment is encoded on its own); a missing optional last parameter drops its segment.
 */
export function fillPath(pattern: string, params: Readonly<Record<string, unknown>> | undefined): string {
  let dropped = false
  const path = pattern.replace(kParam, (_match, colon, optional, star, brace) => {
    const name: string = colon ?? brace ?? star ?? '*'
    const value = params?.[name]
    if (value === undefined || value === null || value === '') {
      if (optional !== undefined) {
        dropped = true
        return ''
      }
      throw new ClientError(
        'OS_ERR_CLIENT_MISSING_PARAM',
        `The path ${pattern} needs the parameter "${name}": pass it in \`params\``,
      )
    }
    const text = String(value)
    if (colon === undefined && brace === undefined) return text.split('/').map(encodeURIComponent).join('/')
    return encodeURIComponent(text)
  })
  return (dropped ? path.replace(/\/$/, '') : path) || '/'
}

function queryValue(key: string, value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    throw new ClientError(
      'OS_ERR_CLIENT_INVALID_QUERY',
      `The query value "${key}" is an object; send scalars or arrays of scalars`,
    )
  }
  return String(value)
}

/** Serialises a query object: arrays repeat the key, `undefined` and `null` are left out. */
export function toQueryString(query: Readonly<Record<string, unknown>> | undefined): string {
  if (query === undefined) return ''
  const search = new URLSearchParams()
  for (const key of Object.keys(query)) {
    const value = query[key]
    const values: readonly unknown[] = Array.isArray(value) ? value : [value]
    for (const item of values)
      if (item !== undefined && item !== null) search.append(key, queryValue(key, item))
  }
  const text = search.toString()
  return text === '' ? '' : `?${text}`
}
