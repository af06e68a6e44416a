// One adapter per router. `build(routes)` registers the table in the router's own syntax and
// returns `{ ctx, call, read }`: `call` is the lookup expression timed (with `ctx`, method `m`
// and path `p` in scope) and `read(result)` turns its result into `{ route, params, wildcard }`
// for the correctness check, which is not timed. `wildcard: undefined` = not captured.
import { RadixRouter } from '@openspeed/core'
import FindMyWay from 'find-my-way'
import { RegExpRouter } from 'hono/router/reg-exp-router'
import { SmartRouter } from 'hono/router/smart-router'
import { TrieRouter } from 'hono/router/trie-router'
import { Memoirist } from 'memoirist'
import { addRoute, createRouter, findRoute } from 'rou3'
import { compileRouter } from 'rou3/compiler'

const split = (params, wildcardKey) => {
  const { [wildcardKey]: wildcard, ...named } = params ?? {}
  return { params: named, wildcard: wildcard ?? null }
}

function readHono([handlers, stash]) {
  if (handlers.length === 0) return null
  const [key, params] = handlers[0]
  const named = {}
  for (const name in params) named[name] = stash ? stash[params[name]] : params[name]
  return { route: key, params: named, wildcard: undefined }
}

function hono(create) {
  return (routes) => {
    const router = create()
    for (const r of routes) router.add(r.method, r.pattern, r.key)
    router.match('GET', '/') // Hono's routers build lazily on the first match
    return { ctx: { router }, call: 'ctx.router.match(m, p)', read: readHono, firstRegisteredWins: true }
  }
}

function rou3(compiled) {
  return (routes) => {
    const router = createRouter()
    for (const r of routes) addRoute(router, r.method, r.pattern.replace(/\*$/, '**'), r.key)
    const read = (result) => {
      if (!result) return null
      const { _: _deprecated, ...params } = result.params ?? {}
      return { route: result.data, ...split(params, '0') }
    }
    if (compiled) return { ctx: { find: compileRouter(router) }, call: 'ctx.find(m, p)', read }
    return { ctx: { router, findRoute }, call: 'ctx.findRoute(ctx.router, m, p)', read }
  }
}

export const routers = {
  openspeed: (routes) => {
    const router = new RadixRouter()
    for (const r of routes) router.add(r.method, r.pattern, r.key)
    const read = (m) => {
      if (m === null) return null
      const params = {}
      for (let i = 0; i < (m.paramNames?.length ?? 0); i++) params[m.paramNames[i]] = m.paramValues[i]
      return { route: m.value, ...split(params, '*') }
    }
    return { ctx: { router }, call: 'ctx.router.match(m, p)', read }
  },
  'find-my-way': (routes) => {
    const router = FindMyWay()
    for (const r of routes) router.on(r.method, r.pattern, () => {}, r.key)
    const read = (found) => found && { route: found.store, ...split(found.params, '*') }
    return { ctx: { router }, call: 'ctx.router.find(m, p)', read }
  },
  'rou3 findRoute': rou3(false),
  'rou3 compileRouter': rou3(true),
  memoirist: (routes) => {
    const router = new Memoirist()
    for (const r of routes) router.add(r.method, r.pattern, r.key)
    const read = (found) => found && { route: found.store, ...split(found.params, '*') }
    return { ctx: { router }, call: 'ctx.router.find(m, p)', read }
  },
  'hono RegExpRouter': hono(() => new RegExpRouter()),
  'hono TrieRouter': hono(() => new TrieRouter()),
  'hono SmartRouter (default)': hono(
    () => new SmartRouter({ routers: [new RegExpRouter(), new TrieRouter()] }),
  ),
}

/**
 * A fresh function per (router, lookup), made with `new Function` so no two benchmarks share a
 * call site's type feedback: each lookup is timed monomorphic, the best case for every router.
 * The path is sliced out of a request target on every call, as a server does: a string reused
 * as-is would keep its cached hash and flatter every router that looks paths up in a Map.
 */
export function timedLookup({ ctx, call }, method, path, sink) {
  const source = `return function lookup() { const p = t.slice(0, t.length - 6); sink(${call}) }`
  return new Function('ctx', 'm', 't', 'sink', source)(ctx, method, `${path}?a=1&b`, sink)
}
