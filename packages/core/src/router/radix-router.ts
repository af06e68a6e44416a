import { OpenSpeedError } from '../openspeed-error.ts'
import { isStaticPattern, type PatternSegment, parsePattern } from './_pattern.ts'

/** A successful route lookup: the stored value and the raw (still encoded) parameter values. */
export interface RouteMatch<T> {
  readonly value: T
  readonly paramNames: readonly string[] | null
  readonly paramValues: string[] | null
}

/**
 * What the app needs from a router. Every implementation runs the shared conformance table
 * (`router.case.ts`).
 */
export interface Router<T> {
  /** Adds a route; `method` is upper-case or `ALL`. Throws on an invalid or duplicate pattern. */
  add(method: string, pattern: string, value: T): void
  /** Finds the route for a method and a decoded path, or `null`. */
  match(method: string, path: string): RouteMatch<T> | null
  /** The methods some route answers for this path (for 405 `Allow`); `ALL` when any method is. */
  allowedMethods(path: string): string[]
}

interface Terminal<T> {
  value: T
  paramNames: readonly string[] | null
}

interface ParamEdge<T> {
  source: string
  pattern: RegExp | null
  node: TreeNode<T>
}

class TreeNode<T> {
  children: Map<string, TreeNode<T>> | null = null
  params: ParamEdge<T>[] | null = null
  methods: Record<string, Terminal<T>> | null = null
  wildcard: Record<string, Terminal<T>> | null = null
}

function terminalFor<T>(
  methods: Record<string, Terminal<T>> | null,
  method: string,
): Terminal<T> | undefined {
  return methods === null ? undefined : (methods[method] ?? methods.ALL)
}

function duplicate(method: string, pattern: string): OpenSpeedError {
  return new OpenSpeedError(
    'OS_ERR_ROUTER_DUPLICATE_ROUTE',
    `The route ${method} ${pattern} is already registered`,
  )
}

/**
 * The default router: static paths in one `Map` lookup, dynamic paths in a segment radix tree
 * that tries static, then patterned, then plain parameters, then wildcards, and backtracks when a
 * branch fails. No code generation, so it runs where `new Function` is forbidden (Workers).
 *
 * @example
 * const router = new RadixRouter<string>()
 * router.add('GET', '/users/:id', 'user')
 * router.match('GET', '/users/42') // { value: 'user', paramNames: ['id'], paramValues: ['42'] }
 */
export class RadixRouter<T> implements Router<T> {
  readonly #static = new Map<string, Record<string, RouteMatch<T>>>()
  readonly #root = new TreeNode<T>()

  add(method: string, pattern: string, value: T): void {
    if (isStaticPattern(pattern)) {
      parsePattern(pattern)
      let methods = this.#static.get(pattern)
      if (methods === undefined)
        this.#static.set(pattern, (methods = Object.create(null) as Record<string, RouteMatch<T>>))
      if (methods[method] !== undefined) throw duplicate(method, pattern)
      methods[method] = Object.freeze({ value, paramNames: null, paramValues: null })
      return
    }
    for (const segments of parsePattern(pattern)) this.#insert(method, pattern, segments, value)
  }

  #insert(method: string, pattern: string, segments: PatternSegment[], value: T): void {
    let node = this.#root
    const names: string[] = []
    for (const segment of segments) {
      if (segment.kind === 'static') {
        node.children ??= new Map()
        let child = node.children.get(segment.value)
        if (child === undefined) node.children.set(segment.value, (child = new TreeNode()))
        node = child
      } else if (segment.kind === 'param') {
        names.push(segment.name)
        node.params ??= []
        let edge = node.params.find((candidate) => candidate.source === segment.source)
        if (edge === undefined) {
          edge = { source: segment.source, pattern: segment.pattern, node: new TreeNode() }
          // patterned parameters are tried before plain ones so the more specific route wins
          if (segment.pattern === null) node.params.push(edge)
          else node.params.splice(node.params.findIndex((e) => e.pattern === null) >>> 0, 0, edge)
        }
        node = edge.node
      } else {
        names.push(segment.name)
        node.wildcard ??= Object.create(null) as Record<string, Terminal<T>>
        if (node.wildcard[method] !== undefined) throw duplicate(method, pattern)
        node.wildcard[method] = { value, paramNames: names }
        return
      }
    }
    node.methods ??= Object.create(null) as Record<string, Terminal<T>>
    if (node.methods[method] !== undefined) throw duplicate(method, pattern)
    node.methods[method] = { value, paramNames: names.length === 0 ? null : names }
  }

  match(method: string, path: string): RouteMatch<T> | null {
    const methods = this.#static.get(path)
    if (methods !== undefined) {
      const found = methods[method] ?? methods.ALL
      if (found !== undefined) return found
    }
    const values: string[] = []
    const terminal = walk(this.#root, path, 1, values, method)
    if (terminal === null) return null
    // walk() records values deepest first, as the successful branch unwinds
    if (values.length > 1) values.reverse()
    return { value: terminal.value, paramNames: terminal.paramNames, paramValues: values }
  }

  allowedMethods(path: string): string[] {
    const found = new Set<string>()
    const methods = this.#static.get(path)
    if (methods !== undefined) for (const method in methods) found.add(method)
    collect(this.#root, path, 1, found)
    return [...found]
  }
}

/**
 * Matches the segment starting at `start` (just after a "/") and everything after it. Segments
 * are sliced from the path as the walk goes, so no array is built for the whole path. Parameter
 * values are pushed only once a branch has matched, on the way back up, so a failed branch never
 * has to undo anything (truncating an array costs more than the whole lookup of a miss).
 */
function walk<T>(
  node: TreeNode<T>,
  path: string,
  start: number,
  values: string[],
  method: string,
): Terminal<T> | null {
  if (start > path.length) {
    const terminal = terminalFor(node.methods, method)
    if (terminal !== undefined) return terminal
    const wildcard = terminalFor(node.wildcard, method)
    if (wildcard === undefined) return null
    values.push('')
    return wildcard
  }
  let end = path.indexOf('/', start)
  if (end === -1) end = path.length
  const segment = path.slice(start, end)
  if (node.children !== null) {
    const child = node.children.get(segment)
    if (child !== undefined) {
      const found = walk(child, path, end + 1, values, method)
      if (found !== null) return found
    }
  }
  if (node.params !== null && end > start) {
    for (const edge of node.params) {
      if (edge.pattern !== null && !edge.pattern.test(segment)) continue
      const found = walk(edge.node, path, end + 1, values, method)
      if (found !== null) {
        values.push(segment)
        return found
      }
    }
  }
  const wildcard = terminalFor(node.wildcard, method)
  if (wildcard === undefined) return null
  values.push(path.slice(start))
  return wildcard
}

function collect<T>(node: TreeNode<T>, path: string, start: number, found: Set<string>): void {
  if (node.wildcard !== null) for (const method in node.wildcard) found.add(method)
  if (start > path.length) {
    if (node.methods !== null) for (const method in node.methods) found.add(method)
    return
  }
  let end = path.indexOf('/', start)
  if (end === -1) end = path.length
  const segment = path.slice(start, end)
  const child = node.children?.get(segment)
  if (child !== undefined) collect(child, path, end + 1, found)
  if (node.params !== null && end > start) {
    for (const edge of node.params) {
      if (edge.pattern === null || edge.pattern.test(segment)) collect(edge.node, path, end + 1, found)
    }
  }
}
