import { NullProtoRecord } from '../_null-proto.ts'
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

interface StaticEdge<T> {
  segment: string
  node: TreeNode<T>
}

interface ParamEdge<T> {
  source: string
  pattern: RegExp | null
  node: TreeNode<T>
}

const kSlash = 47

class TreeNode<T> {
  /** Static children, bucketed by the first character of their segment. */
  children: Map<number, StaticEdge<T>[]> | null = null
  params: ParamEdge<T>[] | null = null
  methods: Record<string, Terminal<T>> | null = null
  wildcard: Record<string, Terminal<T>> | null = null

  child(segment: string): TreeNode<T> {
    this.children ??= new Map()
    const key = segment === '' ? kSlash : segment.charCodeAt(0)
    let bucket = this.children.get(key)
    if (bucket === undefined) this.children.set(key, (bucket = []))
    let edge = bucket.find((candidate) => candidate.segment === segment)
    if (edge === undefined) bucket.push((edge = { segment, node: new TreeNode() }))
    return edge.node
  }
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
 * The default router: static paths in one table lookup, dynamic paths in a segment radix tree
 * that tries static, then patterned, then plain parameters, then wildcards, and backtracks when a
 * branch fails. No code generation, so it runs where `new Function` is forbidden (Workers).
 *
 * @example
 * const router = new RadixRouter<string>()
 * router.add('GET', '/users/:id', 'user')
 * router.match('GET', '/users/42') // { value: 'user', paramNames: ['id'], paramValues: ['42'] }
 */
export class RadixRouter<T> implements Router<T> {
  /** Static routes by path; a prototype-less object reads faster than a `Map` for string keys. */
  readonly #static = new NullProtoRecord<Record<string, RouteMatch<T>>>()
  readonly #root = new TreeNode<T>()
  /** `true` at each length some static route has: other paths skip hashing for the map. */
  readonly #staticLengths: boolean[] = []

  add(method: string, pattern: string, value: T): void {
    if (isStaticPattern(pattern)) {
      parsePattern(pattern)
      let methods = this.#static[pattern]
      if (methods === undefined) this.#static[pattern] = methods = new NullProtoRecord<RouteMatch<T>>()
      if (methods[method] !== undefined) throw duplicate(method, pattern)
      this.#staticLengths[pattern.length] = true
      methods[method] = Object.freeze({ value, paramNames: null, paramValues: null })
      return
    }
    for (const segments of parsePattern(pattern)) this.#insert(method, pattern, segments, value)
  }

  #insert(method: string, pattern: string, segments: PatternSegment[], value: T): void {
    let node = this.#root
    const names: string[] = []
    for (const segment of segments) {
      if (segment.kind === 'static') node = node.child(segment.value)
      else if (segment.kind === 'param') {
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
        node.wildcard ??= new NullProtoRecord<Terminal<T>>()
        if (node.wildcard[method] !== undefined) throw duplicate(method, pattern)
        node.wildcard[method] = { value, paramNames: names }
        return
      }
    }
    node.methods ??= new NullProtoRecord<Terminal<T>>()
    if (node.methods[method] !== undefined) throw duplicate(method, pattern)
    node.methods[method] = { value, paramNames: names.length === 0 ? null : names }
  }

  match(method: string, path: string): RouteMatch<T> | null {
    const methods = this.#staticLengths[path.length] === true ? this.#static[path] : undefined
    if (methods !== undefined) {
      const found = methods[method] ?? methods.ALL
      if (found !== undefined) return found
    }
    const terminal = walk(this.#root, path, 1, 0, method)
    if (terminal === null) return null
    return { value: terminal.value, paramNames: terminal.paramNames, paramValues: matchedValues }
  }

  allowedMethods(path: string): string[] {
    const found: string[] = []
    addMethods(found, this.#static[path])
    collect(this.#root, path, 1, found)
    return found
  }
}

/**
 * The static children that could match the segment starting at `start`: those whose segment
 * begins with its first character (an empty segment is keyed by the "/" that ends it).
 */
function bucketAt<T>(node: TreeNode<T>, path: string, start: number): StaticEdge<T>[] | undefined {
  return node.children?.get(start < path.length ? path.charCodeAt(start) : kSlash)
}

/** Where the static `segment` ends if it is the whole segment of `path` at `start`, else -1. */
function staticEnd(path: string, start: number, segment: string): number {
  const end = start + segment.length
  return (end === path.length || path.charCodeAt(end) === kSlash) && path.startsWith(segment, start)
    ? end
    : -1
}

/**
 * The parameter values of the branch `walk()` matched last. The branch that matches allocates
 * them at its end, sized to the parameters it crossed, and each level fills its own slot on the
 * way back up; lookups are synchronous, so one slot per module is safe.
 */
let matchedValues: string[] = []

/** Ends a matched branch that crossed `count` parameters, plus an optional wildcard value. */
function matched<T>(terminal: Terminal<T>, count: number, wildcardValue?: string): Terminal<T> {
  matchedValues = new Array<string>(wildcardValue === undefined ? count : count + 1)
  if (wildcardValue !== undefined) matchedValues[count] = wildcardValue
  return terminal
}

/**
 * Matches the segment starting at `start` (just after a "/") and everything after it, `count`
 * parameters having been crossed on the way. Static children are compared in place, so a lookup
 * slices only the parameter values it returns, and a failed branch allocates nothing.
 */
function walk<T>(
  node: TreeNode<T>,
  path: string,
  start: number,
  count: number,
  method: string,
): Terminal<T> | null {
  if (start > path.length) {
    const terminal = terminalFor(node.methods, method)
    if (terminal !== undefined) return matched(terminal, count)
    const wildcard = terminalFor(node.wildcard, method)
    return wildcard === undefined ? null : matched(wildcard, count, '')
  }
  const bucket = bucketAt(node, path, start)
  if (bucket !== undefined) {
    for (const edge of bucket) {
      const end = staticEnd(path, start, edge.segment)
      if (end === -1) continue
      const found = walk(edge.node, path, end + 1, count, method)
      if (found !== null) return found
    }
  }
  if (node.params !== null) {
    let end = path.indexOf('/', start)
    if (end === -1) end = path.length
    if (end > start) {
      let segment: string | undefined
      for (const edge of node.params) {
        if (edge.pattern !== null && !edge.pattern.test((segment ??= path.slice(start, end)))) continue
        const found = walk(edge.node, path, end + 1, count + 1, method)
        if (found !== null) {
          matchedValues[count] = segment ?? path.slice(start, end)
          return found
        }
      }
    }
  }
  const wildcard = terminalFor(node.wildcard, method)
  return wildcard === undefined ? null : matched(wildcard, count, path.slice(start))
}

function addMethods(found: string[], methods: Record<string, unknown> | null | undefined): void {
  if (methods == null) return
  for (const method in methods) if (!found.includes(method)) found.push(method)
}

function collect<T>(node: TreeNode<T>, path: string, start: number, found: string[]): void {
  addMethods(found, node.wildcard)
  if (start > path.length) {
    addMethods(found, node.methods)
    return
  }
  for (const edge of bucketAt(node, path, start) ?? []) {
    const end = staticEnd(path, start, edge.segment)
    if (end !== -1) collect(edge.node, path, end + 1, found)
  }
  if (node.params === null) return
  let end = path.indexOf('/', start)
  if (end === -1) end = path.length
  if (end === start) return
  const segment = path.slice(start, end)
  for (const edge of node.params) {
    if (edge.pattern === null || edge.pattern.test(segment)) collect(edge.node, path, end + 1, found)
  }
}
