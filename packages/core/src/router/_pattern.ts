import { OpenSpeedError } from '../openspeed-error.ts'

/** One parsed segment of a route pattern. */
export type PatternSegment =
  | { kind: 'static'; value: string }
  | { kind: 'param'; name: string; pattern: RegExp | null; source: string }
  | { kind: 'wildcard'; name: string }

/** A parsed `:name`, `:name?` or `:name{regex}` segment. */
export interface ParamSegment {
  kind: 'param'
  name: string
  pattern: RegExp | null
  source: string
  optional: boolean
}

const kParamPattern = /^:([A-Za-z_$][\w$]*)(?:\{(.+)\})?(\?)?$/

/** Builds the error for an invalid pattern or scope from the reason. */
export type InvalidPattern = (reason: string) => OpenSpeedError

function routeInvalid(pattern: string): InvalidPattern {
  return (reason) =>
    new OpenSpeedError('OS_ERR_ROUTER_INVALID_PATTERN', `Invalid route pattern "${pattern}": ${reason}`)
}

/**
 * Splits a pattern (after its leading "/") on the slashes outside `{regex}` braces, so that a "/"
 * inside a parameter's regex is reported as such instead of as a broken parameter.
 */
export function splitSegments(pattern: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 1
  for (let i = 1; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i)
    if (code === 123 /* { */) depth++
    else if (code === 125 /* } */ && depth > 0) depth--
    else if (code === 47 /* / */ && depth === 0) {
      parts.push(pattern.slice(start, i))
      start = i + 1
    }
  }
  parts.push(pattern.slice(start))
  return parts
}

/**
 * Parses one `:name` segment. A parameter always matches one non-empty segment: its regex narrows
 * which segments match (`{.*}` accepts every non-empty one), and can never span a "/".
 */
export function parseParam(part: string, invalid: InvalidPattern): ParamSegment {
  const match = kParamPattern.exec(part)
  if (match === null) throw invalid(`"${part}" is not a valid parameter (use :name, :name? or :name{regex})`)
  const [, name, source, question] = match as unknown as [
    string,
    string,
    string | undefined,
    string | undefined,
  ]
  if (source?.includes('/')) {
    throw invalid(
      `the parameter pattern {${source}} contains "/": a parameter matches one path segment (use a wildcard "*" for several)`,
    )
  }
  let pattern: RegExp | null = null
  if (source !== undefined) {
    try {
      pattern = new RegExp(`^(?:${source})$`)
    } catch (error) {
      throw invalid(
        `the parameter pattern {${source}} is not a valid regular expression (${(error as Error).message})`,
      )
    }
  }
  return { kind: 'param', name, source: source ?? '', pattern, optional: question !== undefined }
}

/**
 * Refuses a "*" or a brace inside a static segment (`/assets*`, `/a{b}`): either would otherwise be
 * taken as a literal that no request ever matches.
 */
export function assertPlainStatic(part: string, invalid: InvalidPattern): void {
  if (part.includes('*')) {
    throw invalid(`"${part}" has a "*" inside a segment: a wildcard is a whole last segment ("/assets/*")`)
  }
  if (part.includes('{') || part.includes('}')) {
    throw invalid(`"${part}" has a brace outside a parameter: braces follow a name (":id{[0-9]+}")`)
  }
}

/**
 * Parses a route pattern into one or two segment lists (two when the last parameter is optional:
 * `/posts/:id?` is `/posts` and `/posts/:id`).
 */
export function parsePattern(pattern: string): PatternSegment[][] {
  const invalid = routeInvalid(pattern)
  if (!pattern.startsWith('/')) throw invalid('it must start with "/"')
  const parts = splitSegments(pattern)
  const segments: PatternSegment[] = []
  const names = new Set<string>()
  let optional = false
  parts.forEach((part, index) => {
    const last = index === parts.length - 1
    if (part.startsWith('*')) {
      if (!last) throw invalid('a wildcard "*" can only be the last segment')
      const name = part.slice(1) || '*'
      if (name !== '*' && !/^[A-Za-z_$][\w$]*$/.test(name))
        throw invalid(`"${part}" is not a valid wildcard name`)
      segments.push({ kind: 'wildcard', name })
      names.add(name)
      return
    }
    if (!part.startsWith(':')) {
      assertPlainStatic(part, invalid)
      segments.push({ kind: 'static', value: part })
      return
    }
    const { name, source, pattern: regex, optional: question } = parseParam(part, invalid)
    if (names.has(name)) throw invalid(`the parameter "${name}" appears twice`)
    names.add(name)
    if (question) {
      if (!last) throw invalid(`the optional parameter "${name}" must be the last segment`)
      optional = true
    }
    segments.push({ kind: 'param', name, source, pattern: regex })
  })
  return optional ? [segments.slice(0, -1), segments] : [segments]
}

/** Whether a pattern is a plain static path (no parameter or wildcard). */
export function isStaticPattern(pattern: string): boolean {
  return !pattern.includes('/:') && !pattern.includes('/*')
}
