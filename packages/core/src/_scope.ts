/**
 * Whether middleware registered with `use(scope, ...)` applies to a route pattern or a concrete
 * path. A scope covers its own path and everything below it: `/api` and `/api/*` both cover
 * `/api`, `/api/users` and `/api/users/:id`; a `:param` segment in the scope covers any segment.
 */
export function scopeCovers(scope: string, path: string): boolean {
  if (scope === '/' || scope === '/*' || scope === '*') return true
  const scopeSegments = scope.split('/')
  const pathSegments = path.split('/')
  for (let i = 1; i < scopeSegments.length; i++) {
    const expected = scopeSegments[i]!
    if (expected === '*' && i === scopeSegments.length - 1) return true
    const actual = pathSegments[i]
    if (actual === undefined) return false
    if (expected.startsWith(':')) continue
    if (expected !== actual) return false
  }
  return true
}

/** Joins a mount prefix and a route path: `/api` + `/users` -> `/api/users`, `/api` + `/` -> `/api`. */
export function joinPaths(prefix: string, path: string): string {
  const base = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix
  if (path === '/') return base === '' ? '/' : base
  return `${base}${path}`
}
