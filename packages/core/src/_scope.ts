import { OpenSpeedError } from './openspeed-error.ts'
import {
  assertPlainStatic,
  type InvalidPattern,
  type PatternSegment,
  parseParam,
  splitSegments,
} from './router/_pattern.ts'
import type { MiddlewareHandler } from './types.ts'

/** One segment of a middleware scope: a literal, or a parameter (optionally with a regex). */
export type ScopeSegment =
  | { kind: 'static'; value: string }
  | { kind: 'param'; pattern: RegExp | null; source: string }

/** Tells whether a decoded request path is inside a scope; built once per scope. */
export type ScopeMatcher = (path: string) => boolean

/** How a route pattern relates to a scope: every path it matches is inside, none is, or some are. */
export type ScopeCoverage = 'always' | 'never' | 'maybe'

function scopeInvalid(scope: string): InvalidPattern {
  return (reason) =>
    new OpenSpeedError('OS_ERR_MIDDLEWARE_INVALID_SCOPE', `Invalid middleware scope "${scope}": ${reason}`)
}

/**
 * Parses a scope given to `use(scope, ...)`. A scope covers its own path and every path below it:
 * `/admin` and `/admin/*` both cover `/admin`, `/admin/` and `/admin/users/7`; `*`, `/` and `/*`
 * cover everything (the empty list). `:name` and `:name{regex}` segments match one non-empty
 * path segment. Anything else (no leading "/", a "*" that is not the whole last segment, an
 * empty or optional segment) is refused, so a scope never silently covers nothing or everything.
 */
export function parseScope(scope: string): ScopeSegment[] {
  const invalid = scopeInvalid(scope)
  if (scope === '*' || scope === '/' || scope === '/*') return []
  if (!scope.startsWith('/')) throw invalid('it must start with "/" (or be "*" for every path)')
  const parts = splitSegments(scope.endsWith('/*') ? scope.slice(0, -2) : scope)
  return parts.map((part) => {
    if (part === '') throw invalid('it has an empty segment ("/admin" or "/admin/*" covers "/admin/")')
    if (part.startsWith('*')) throw invalid('a wildcard "*" can only be the whole last segment ("/admin/*")')
    if (!part.startsWith(':')) {
      assertPlainStatic(part, invalid)
      return { kind: 'static', value: part }
    }
    const param = parseParam(part, invalid)
    if (param.optional) throw invalid(`"${part}" is optional: a scope already covers the paths below it`)
    return { kind: 'param', pattern: param.pattern, source: param.source }
  })
}

/** Builds the request-time check for a scope that a route pattern cannot decide on its own. */
export function createScopeMatcher(segments: readonly ScopeSegment[]): ScopeMatcher {
  return (path) => {
    let start = 1
    for (let i = 0; i < segments.length; i++) {
      if (start > path.length) return false
      let end = path.indexOf('/', start)
      if (end === -1) end = path.length
      const segment = segments[i]!
      if (segment.kind === 'static') {
        if (end - start !== segment.value.length || !path.startsWith(segment.value, start)) return false
      } else if (
        end === start ||
        (segment.pattern !== null && !segment.pattern.test(path.slice(start, end)))
      ) {
        return false
      }
      start = end + 1
    }
    return true
  }
}

/**
 * Middleware that runs only for paths inside its scope, for routes whose pattern reaches both
 * sides of it: built once per middleware, so the check costs no closure per request.
 */
export function guardMiddleware(handler: MiddlewareHandler, matcher: ScopeMatcher): MiddlewareHandler {
  return (c, next) => (matcher(c.req.path) ? handler(c, next) : next())
}

function segmentCoverage(scope: ScopeSegment, segment: PatternSegment): ScopeCoverage {
  if (segment.kind === 'wildcard') return 'maybe'
  if (segment.kind === 'static') {
    if (scope.kind === 'static') return scope.value === segment.value ? 'always' : 'never'
    if (segment.value === '') return 'never'
    return scope.pattern === null || scope.pattern.test(segment.value) ? 'always' : 'never'
  }
  if (scope.kind === 'static')
    return segment.pattern !== null && !segment.pattern.test(scope.value) ? 'never' : 'maybe'
  return scope.pattern === null || scope.source === segment.source ? 'always' : 'maybe'
}

function variantCoverage(scope: readonly ScopeSegment[], segments: readonly PatternSegment[]): ScopeCoverage {
  for (let i = 0; i < scope.length; i++) {
    const segment = segments[i]
    if (segment === undefined) return 'never'
    const coverage = segmentCoverage(scope[i]!, segment)
    if (coverage !== 'always') return coverage
  }
  return 'always'
}

/**
 * Decides, from a route pattern's segments alone, whether the paths it matches are inside a scope,
 * so the chain runs scoped middleware unconditionally, leaves it out, or checks the path per request.
 */
export function scopeCoverage(
  scope: readonly ScopeSegment[],
  variants: readonly PatternSegment[][],
): ScopeCoverage {
  let result: ScopeCoverage | undefined
  for (const segments of variants) {
    const coverage = variantCoverage(scope, segments)
    if (result !== undefined && coverage !== result) return 'maybe'
    result = coverage
  }
  return result ?? 'never'
}

/** Joins a mount prefix and a route path: `/api` + `/users` -> `/api/users`, `/api` + `/` -> `/api`. */
export function joinPaths(prefix: string, path: string): string {
  const base = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix
  if (path === '/') return base === '' ? '/' : base
  return `${base}${path}`
}
