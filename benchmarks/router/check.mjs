import { isDeepStrictEqual } from 'node:util'

/** Why a router's answer to a lookup is wrong, or `null` when it is right. */
export function wrongAnswer(read, lookup, result) {
  const got = read(result)
  if (lookup.route === null) return got ? `matched ${got.route} for a path no route matches` : null
  if (!got) return 'found no route'
  if (got.route !== lookup.route) return `matched ${got.route}`
  if (!isDeepStrictEqual(got.params, lookup.params)) return `params ${JSON.stringify(got.params)}`
  if (lookup.wildcard !== undefined && got.wildcard !== undefined && got.wildcard !== lookup.wildcard)
    return `wildcard captured ${JSON.stringify(got.wildcard)}`
  return null
}

/**
 * Conformance over the whole table: one concrete path per route (distinct parameter values, a
 * two-segment catch-all) must come back as that route. Returns the routes a router gets wrong.
 */
export function tableErrors(adapter, routes) {
  const find = new Function('ctx', 'm', 'p', `return ${adapter.call}`)
  const errors = []
  for (const route of routes) {
    let n = 0
    const params = {}
    const path = route.pattern
      .split('/')
      .map((segment) => {
        if (segment === '*') return 'a/b'
        if (!segment.startsWith(':')) return segment
        params[segment.slice(1)] = `v${n}`
        return `v${n++}`
      })
      .join('/')
    const wrong = wrongAnswer(
      adapter.read,
      { route: route.key, params },
      find(adapter.ctx, route.method, path),
    )
    if (wrong) errors.push(`${route.method} ${path}: ${wrong}`)
  }
  return errors
}
