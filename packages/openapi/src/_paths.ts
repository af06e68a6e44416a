/** A path parameter found in a route pattern. */
export interface PathParameter {
  name: string
  /** The regular expression of `:name{regex}`, anchored for JSON Schema `pattern`. */
  pattern?: string
  /** A `*` / `*name` catch-all, which may contain `/`. */
  wildcard?: boolean
}

/** One OpenAPI path for a route pattern. */
export interface OpenApiPath {
  path: string
  parameters: PathParameter[]
}

/**
 * Turns a route pattern into OpenAPI paths: `:id` is `{id}`, `:id{[0-9]+}` carries its pattern,
 * `*name` (or `*`, named `wildcard`) is one parameter, and an optional last `:name?` gives two
 * paths, without and with it, as the router matches both.
 */
export function toOpenApiPaths(pattern: string): OpenApiPath[] {
  const segments: string[] = []
  const parameters: PathParameter[] = []
  let optional = false
  for (const part of pattern.split('/').slice(1)) {
    const param = /^:([A-Za-z_$][\w$]*)(?:\{(.+)\})?(\?)?$/.exec(part)
    if (param !== null) {
      const [, name, source, question] = param as unknown as [string, string, string?, string?]
      parameters.push(source === undefined ? { name } : { name, pattern: `^(?:${source})$` })
      segments.push(`{${name}}`)
      optional = question !== undefined
    } else if (part.startsWith('*')) {
      const name = part.slice(1) || 'wildcard'
      parameters.push({ name, wildcard: true })
      segments.push(`{${name}}`)
    } else segments.push(part)
  }
  const full: OpenApiPath = { path: `/${segments.join('/')}`, parameters }
  if (!optional) return [full]
  const shorter = `/${segments.slice(0, -1).join('/')}`
  return [{ path: shorter, parameters: parameters.slice(0, -1) }, full]
}

function pascal(word: string): string {
  return word
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')
}

/** An operation id from a method and an OpenAPI path: `GET /books/{id}` is `getBooksById`. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith('{') ? `By${pascal(segment.slice(1, -1))}` : pascal(segment)))
  return `${method.toLowerCase()}${words.join('') || 'Root'}`
}
