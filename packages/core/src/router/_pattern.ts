import { OpenSpeedError } from '../openspeed-error.ts'

/** One parsed segment of a route pattern. */
export type PatternSegment =
  | { kind: 'static'; value: string }
  | { kind: 'param'; name: string; pattern: RegExp | null; source: string }
  | { kind: 'wildcard'; name: string }

const kParamPattern = /^:([A-Za-z_$][\w$]*)(?:\{(.+)\})?(\?)?$/

function invalid(pattern: string, reason: string): OpenSpeedError {
  return new OpenSpeedError('OS_ERR_ROUTER_INVALID_PATTERN', `Invalid route pattern "${pattern}": ${reason}`)
}

function compile(pattern: string, source: string): RegExp {
  try {
    return new RegExp(`^(?:${source})$`)
  } catch (error) {
    throw invalid(
      pattern,
      `the parameter pattern {${source}} is not a valid regular expression (${(error as Error).message})`,
    )
  }
}

/**
 * Parses a route pattern into one or two segment lists (two when the last parameter is optional:
 * `/posts/:id?` is `/posts` and `/posts/:id`).
 */
export function parsePattern(pattern: string): PatternSegment[][] {
  if (!pattern.startsWith('/')) throw invalid(pattern, 'it must start with "/"')
  const parts = pattern.split('/').slice(1)
  const segments: PatternSegment[] = []
  const names = new Set<string>()
  let optional = false
  parts.forEach((part, index) => {
    const last = index === parts.length - 1
    if (part.startsWith('*')) {
      if (!last) throw invalid(pattern, 'a wildcard "*" can only be the last segment')
      const name = part.slice(1) || '*'
      if (name !== '*' && !/^[A-Za-z_$][\w$]*$/.test(name))
        throw invalid(pattern, `"${part}" is not a valid wildcard name`)
      segments.push({ kind: 'wildcard', name })
      names.add(name)
      return
    }
    if (!part.startsWith(':')) {
      segments.push({ kind: 'static', value: part })
      return
    }
    const match = kParamPattern.exec(part)
    if (match === null)
      throw invalid(pattern, `"${part}" is not a valid parameter (use :name, :name? or :name{regex})`)
    const [, name, source, question] = match as unknown as [
      string,
      string,
      string | undefined,
      string | undefined,
    ]
    if (names.has(name)) throw invalid(pattern, `the parameter "${name}" appears twice`)
    names.add(name)
    if (question !== undefined) {
      if (!last) throw invalid(pattern, `the optional parameter "${name}" must be the last segment`)
      optional = true
    }
    segments.push({
      kind: 'param',
      name,
      source: source ?? '',
      pattern: source === undefined ? null : compile(pattern, source),
    })
  })
  return optional ? [segments.slice(0, -1), segments] : [segments]
}

/** Whether a pattern is a plain static path (no parameter or wildcard). */
export function isStaticPattern(pattern: string): boolean {
  return !pattern.includes('/:') && !pattern.includes('/*')
}
