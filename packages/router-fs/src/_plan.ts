import { checkSegments, compareSegments, type Segment, toPattern, toSegment, toShape } from './_segments.ts'
import { FileRouteError } from './errors.ts'

/** File extensions read as route modules when no `extensions` option is given. */
export const defaultExtensions: readonly string[] = ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs']

const kSpecial = { _middleware: 'middleware', _layout: 'layout', _error: 'error' } as const
type SpecialKind = (typeof kSpecial)[keyof typeof kSpecial]

/** A step that runs before a route's handler, inherited from a folder. */
export interface ChainStep {
  kind: 'middleware' | 'layout'
  file: string
}

/** One route file and everything it inherits, planned from file names alone. */
export interface PlannedRoute {
  file: string
  pattern: string
  segments: readonly Segment[]
  /** `_middleware` and `_layout` files, outermost folder first; in one folder middleware first. */
  chain: readonly ChainStep[]
  /** `_error` files, outermost folder first. */
  errors: readonly string[]
}

/** The routes a folder yields, sorted the way the router prefers them. */
export interface RoutePlan {
  routes: PlannedRoute[]
  /** Every file the routes need (route files and the `_` files they inherit), sorted. */
  files: string[]
}

/** Route-relative path with `/` separators, whatever the platform gave (`a\\b.ts` -> `a/b.ts`). */
export function toPosixPath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '')
}

function stripExtension(name: string, extensions: readonly string[]): string | null {
  if (name.endsWith('.d.ts') || /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(name)) return null
  for (const extension of extensions) {
    if (name.endsWith(extension) && name.length > extension.length) return name.slice(0, -extension.length)
  }
  return null
}

type Classified =
  | { kind: 'route'; file: string; dirs: string[]; base: string }
  | { kind: SpecialKind; file: string; dir: string }

function classify(file: string, extensions: readonly string[]): Classified | null {
  const parts = file.split('/')
  const name = parts.pop()!
  if (parts.some((part) => part.startsWith('.') || part.startsWith('_')) || name.startsWith('.')) return null
  const base = stripExtension(name, extensions)
  if (base === null) return null
  if (base.startsWith('_')) {
    const kind = kSpecial[base as keyof typeof kSpecial]
    return kind === undefined ? null : { kind, file, dir: parts.join('/') }
  }
  return { kind: 'route', file, dirs: parts, base }
}

function duplicate(first: string, second: string, what: string): FileRouteError {
  const [a, b] = [first, second].sort()
  return new FileRouteError('OS_ERR_ROUTER_FS_DUPLICATE_ROUTE', `${a} and ${b} both yield ${what}`, {
    file: b!,
  })
}

function ancestors(dirs: readonly string[]): string[] {
  const list = ['']
  for (let i = 1; i <= dirs.length; i++) list.push(dirs.slice(0, i).join('/'))
  return list
}

/**
 * Plans the routes of a folder from its file names (relative paths, either separator): which URL
 * each route file answers and which `_middleware`, `_layout` and `_error` files it inherits.
 * Throws a {@link FileRouteError} naming the file for an invalid name, and naming both files when
 * two of them yield the same route.
 */
export function planRoutes(
  files: readonly string[],
  extensions: readonly string[] = defaultExtensions,
): RoutePlan {
  const specials: Record<SpecialKind, Map<string, string>> = {
    middleware: new Map(),
    layout: new Map(),
    error: new Map(),
  }
  const routeFiles: Extract<Classified, { kind: 'route' }>[] = []
  for (const file of [...files].map(toPosixPath).sort()) {
    const entry = classify(file, extensions)
    if (entry === null) continue
    if (entry.kind === 'route') {
      routeFiles.push(entry)
      continue
    }
    const existing = specials[entry.kind].get(entry.dir)
    if (existing !== undefined)
      throw duplicate(existing, entry.file, `the _${entry.kind} of "${entry.dir || '.'}"`)
    specials[entry.kind].set(entry.dir, entry.file)
  }
  const shapes = new Map<string, string>()
  const routes: PlannedRoute[] = []
  for (const { file, dirs, base } of routeFiles) {
    const names = base === 'index' ? dirs : [...dirs, base]
    const segments: Segment[] = []
    names.forEach((part, index) => {
      const segment = toSegment(file, part, index < dirs.length)
      if (segment !== null) segments.push(segment)
    })
    checkSegments(file, segments)
    const pattern = toPattern(segments)
    const shape = toShape(segments)
    const existing = shapes.get(shape)
    if (existing !== undefined) throw duplicate(existing, file, `the route ${pattern}`)
    shapes.set(shape, file)
    const chain: ChainStep[] = []
    const errors: string[] = []
    for (const dir of ancestors(dirs)) {
      const middleware = specials.middleware.get(dir)
      if (middleware !== undefined) chain.push({ kind: 'middleware', file: middleware })
      const layout = specials.layout.get(dir)
      if (layout !== undefined) chain.push({ kind: 'layout', file: layout })
      const error = specials.error.get(dir)
      if (error !== undefined) errors.push(error)
    }
    routes.push({ file, pattern, segments, chain, errors })
  }
  routes.sort((a, b) => compareSegments(a.segments, b.segments))
  const used = new Set<string>()
  for (const route of routes) {
    used.add(route.file)
    for (const step of route.chain) used.add(step.file)
    for (const error of route.errors) used.add(error)
  }
  return { routes, files: [...used].sort() }
}
