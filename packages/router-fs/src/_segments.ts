import { FileRouteError } from './errors.ts'

/** One URL segment a file or folder name yields. */
export type Segment =
  | { kind: 'static'; value: string }
  | { kind: 'param'; name: string }
  | { kind: 'catch-all'; name: string; optional: boolean }

const kName = /^[A-Za-z_$][\w$]*$/

function invalidName(file: string, reason: string): FileRouteError {
  return new FileRouteError('OS_ERR_ROUTER_FS_INVALID_NAME', `${file}: ${reason}`, { file })
}

function checkName(file: string, part: string, name: string): string {
  if (!kName.test(name)) {
    throw invalidName(
      file,
      `"${part}" is not a valid parameter: the name must start with a letter, "_" or "$" and contain only letters, digits, "_" or "$"`,
    )
  }
  return name
}

/**
 * Turns a file or folder name into its URL segment, or `null` for a `(group)` folder. Static names
 * are written the way core's router sees a decoded request path: a literal `%`, `?` or `#` stays
 * percent-encoded (a request can only carry them encoded), everything else is the plain text,
 * Unicode normalised to NFC.
 */
export function toSegment(file: string, part: string, isFolder: boolean): Segment | null {
  if (part.startsWith('(') && part.endsWith(')')) {
    if (!isFolder) throw invalidName(file, `"${part}" looks like a route group, which only folders can be`)
    return null
  }
  let match = /^\[\[\.\.\.(.*)\]\]$/.exec(part)
  if (match !== null) return { kind: 'catch-all', name: checkName(file, part, match[1]!), optional: true }
  match = /^\[\.\.\.(.*)\]$/.exec(part)
  if (match !== null) return { kind: 'catch-all', name: checkName(file, part, match[1]!), optional: false }
  match = /^\[([^[\]]*)\]$/.exec(part)
  if (match !== null) return { kind: 'param', name: checkName(file, part, match[1]!) }
  if (part.includes('[') || part.includes(']')) {
    throw invalidName(file, `"${part}" mixes text and a parameter; a [param] must be the whole name`)
  }
  if (part.startsWith(':') || part.startsWith('*')) {
    throw invalidName(file, `"${part}" starts with "${part[0]}", which the router reads as a parameter`)
  }
  const value = part.normalize('NFC').replace(/%/g, '%25').replace(/\?/g, '%3F').replace(/#/g, '%23')
  return { kind: 'static', value }
}

/** The router pattern for a list of segments (`/`, `/users/:id`, `/docs/*slug`). */
export function toPattern(segments: readonly Segment[]): string {
  if (segments.length === 0) return '/'
  let pattern = ''
  for (const segment of segments) {
    if (segment.kind === 'static') pattern += `/${segment.value}`
    else if (segment.kind === 'param') pattern += `/:${segment.name}`
    else pattern += `/*${segment.name}`
  }
  return pattern
}

/** The pattern with parameter names erased: two routes with the same shape are the same route. */
export function toShape(segments: readonly Segment[]): string {
  return (
    segments
      .map((segment) =>
        segment.kind === 'static' ? `/${segment.value}` : segment.kind === 'param' ? '/:' : '/*',
      )
      .join('') || '/'
  )
}

/** Checks a route's segments: a catch-all only last, no parameter name twice. */
export function checkSegments(file: string, segments: readonly Segment[]): void {
  const names = new Set<string>()
  segments.forEach((segment, index) => {
    if (segment.kind === 'static') return
    if (segment.kind === 'catch-all' && index !== segments.length - 1) {
      throw invalidName(file, `the catch-all "${segment.name}" must be the last segment of the route`)
    }
    if (names.has(segment.name))
      throw invalidName(file, `the parameter "${segment.name}" appears twice in the route`)
    names.add(segment.name)
  })
}

const kRank = { static: 0, param: 1, 'catch-all': 2 } as const

/** Orders routes the way the router prefers them: static, then parameters, then catch-alls. */
export function compareSegments(a: readonly Segment[], b: readonly Segment[]): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const left = a[i]!
    const right = b[i]!
    if (left.kind !== right.kind) return kRank[left.kind] - kRank[right.kind]
    const leftText = left.kind === 'static' ? left.value : ''
    const rightText = right.kind === 'static' ? right.value : ''
    if (leftText !== rightText) return leftText < rightText ? -1 : 1
  }
  return a.length - b.length
}
