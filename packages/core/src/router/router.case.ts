import { describe, expect, it } from 'vitest'
import type { Router } from './radix-router.ts'

type Expected = null | { route: string; params?: Record<string, string> }

/** One scenario: routes to register (`METHOD pattern`) and lookups with their expected result. */
interface RouterCase {
  name: string
  routes: string[]
  lookups: [method: string, path: string, expected: Expected][]
  allowed?: [path: string, methods: string[]][]
}

/** The conformance table every router implementation must pass. */
export const routerCases: RouterCase[] = [
  {
    name: 'static routes',
    routes: ['GET /', 'GET /about', 'GET /a/b/c/d/e', 'POST /about'],
    lookups: [
      ['GET', '/', { route: 'GET /' }],
      ['GET', '/about', { route: 'GET /about' }],
      ['POST', '/about', { route: 'POST /about' }],
      ['GET', '/a/b/c/d/e', { route: 'GET /a/b/c/d/e' }],
      ['GET', '/a/b/c/d', null],
      ['GET', '/about/', null],
      ['GET', '/ABOUT', null],
    ],
    allowed: [
      ['/about', ['GET', 'POST']],
      ['/missing', []],
    ],
  },
  {
    name: 'named parameters',
    routes: ['GET /users/:id', 'GET /users/:id/posts/:postId', 'GET /orgs/:org/repos/:repo/issues/:number'],
    lookups: [
      ['GET', '/users/42', { route: 'GET /users/:id', params: { id: '42' } }],
      [
        'GET',
        '/users/42/posts/7',
        { route: 'GET /users/:id/posts/:postId', params: { id: '42', postId: '7' } },
      ],
      [
        'GET',
        '/orgs/a/repos/b/issues/3',
        { route: 'GET /orgs/:org/repos/:repo/issues/:number', params: { org: 'a', repo: 'b', number: '3' } },
      ],
      ['GET', '/users/', null],
      ['GET', '/users', null],
      ['GET', '/users/42/posts', null],
    ],
  },
  {
    name: 'static beats parameter, parameter beats wildcard',
    routes: ['GET /users/me', 'GET /users/:id', 'GET /users/*'],
    lookups: [
      ['GET', '/users/me', { route: 'GET /users/me' }],
      ['GET', '/users/7', { route: 'GET /users/:id', params: { id: '7' } }],
      ['GET', '/users/7/avatar', { route: 'GET /users/*', params: { '*': '7/avatar' } }],
    ],
  },
  {
    name: 'backtracking out of a static branch',
    routes: ['GET /files/static/readme', 'GET /files/:dir/:name', 'GET /a/b/c', 'GET /a/:x/d'],
    lookups: [
      [
        'GET',
        '/files/static/other',
        { route: 'GET /files/:dir/:name', params: { dir: 'static', name: 'other' } },
      ],
      ['GET', '/files/static/readme', { route: 'GET /files/static/readme' }],
      ['GET', '/a/b/d', { route: 'GET /a/:x/d', params: { x: 'b' } }],
    ],
  },
  {
    name: 'method-specific backtracking',
    routes: ['POST /users/new', 'GET /users/:id'],
    lookups: [
      ['GET', '/users/new', { route: 'GET /users/:id', params: { id: 'new' } }],
      ['POST', '/users/new', { route: 'POST /users/new' }],
      ['POST', '/users/5', null],
    ],
    allowed: [
      ['/users/new', ['GET', 'POST']],
      ['/users/5', ['GET']],
    ],
  },
  {
    name: 'optional parameters',
    routes: ['GET /posts/:id?'],
    lookups: [
      ['GET', '/posts', { route: 'GET /posts/:id?', params: {} }],
      ['GET', '/posts/3', { route: 'GET /posts/:id?', params: { id: '3' } }],
      ['GET', '/posts/3/x', null],
    ],
  },
  {
    name: 'per-parameter patterns',
    routes: ['GET /items/:id{[0-9]+}', 'GET /items/:slug'],
    lookups: [
      ['GET', '/items/123', { route: 'GET /items/:id{[0-9]+}', params: { id: '123' } }],
      ['GET', '/items/abc', { route: 'GET /items/:slug', params: { slug: 'abc' } }],
      ['GET', '/items/12a', { route: 'GET /items/:slug', params: { slug: '12a' } }],
    ],
  },
  {
    name: 'a parameter never matches an empty segment, whatever its regex',
    routes: ['GET /any/:x{.*}', 'GET /quantified/:code{[a-z]{2}}'],
    lookups: [
      ['GET', '/any/thing', { route: 'GET /any/:x{.*}', params: { x: 'thing' } }],
      ['GET', '/any/', null],
      ['GET', '/any', null],
      ['GET', '/quantified/ab', { route: 'GET /quantified/:code{[a-z]{2}}', params: { code: 'ab' } }],
      ['GET', '/quantified/abc', null],
    ],
  },
  {
    name: 'wildcards and catch-all',
    routes: ['GET /static/*', 'GET /docs/*path', 'GET /*'],
    lookups: [
      ['GET', '/static/css/site.css', { route: 'GET /static/*', params: { '*': 'css/site.css' } }],
      ['GET', '/static', { route: 'GET /static/*', params: { '*': '' } }],
      ['GET', '/docs/guide/intro', { route: 'GET /docs/*path', params: { path: 'guide/intro' } }],
      ['GET', '/anything/else', { route: 'GET /*', params: { '*': 'anything/else' } }],
    ],
  },
  {
    name: 'ALL matches every method, specific methods win',
    routes: ['ALL /hook', 'POST /hook', 'ALL /any/:id'],
    lookups: [
      ['POST', '/hook', { route: 'POST /hook' }],
      ['DELETE', '/hook', { route: 'ALL /hook' }],
      ['PATCH', '/any/1', { route: 'ALL /any/:id', params: { id: '1' } }],
    ],
  },
  {
    name: 'encoded and unicode segments',
    routes: ['GET /café', 'GET /tags/:tag'],
    lookups: [
      ['GET', '/café', { route: 'GET /café' }],
      ['GET', '/tags/a%2Fb', { route: 'GET /tags/:tag', params: { tag: 'a%2Fb' } }],
      ['GET', '/tags/ünï', { route: 'GET /tags/:tag', params: { tag: 'ünï' } }],
    ],
  },
  {
    name: 'trailing slashes are distinct',
    routes: ['GET /dir/', 'GET /file'],
    lookups: [
      ['GET', '/dir/', { route: 'GET /dir/' }],
      ['GET', '/dir', null],
      ['GET', '/file/', null],
    ],
  },
  {
    name: 'object-like and prefix-sharing segments',
    routes: [
      'GET /__proto__',
      'GET /constructor',
      'GET /user',
      'GET /users/:id',
      'GET /users/:id/usage',
      'GET /u/:name',
      'GET /a//:b',
      'GET /p/:id/',
    ],
    lookups: [
      ['GET', '/__proto__', { route: 'GET /__proto__' }],
      ['GET', '/constructor', { route: 'GET /constructor' }],
      ['GET', '/toString', null],
      ['GET', '/hasOwnProperty', null],
      ['GET', '/user', { route: 'GET /user' }],
      ['GET', '/users', null],
      ['GET', '/users/7', { route: 'GET /users/:id', params: { id: '7' } }],
      ['GET', '/users/7/usage', { route: 'GET /users/:id/usage', params: { id: '7' } }],
      ['GET', '/users/7/usages', null],
      ['GET', '/users/7/usag', null],
      ['GET', '/u/ann', { route: 'GET /u/:name', params: { name: 'ann' } }],
      ['GET', '/a//x', { route: 'GET /a//:b', params: { b: 'x' } }],
      ['GET', '/a/x', null],
      ['GET', '/p/1/', { route: 'GET /p/:id/', params: { id: '1' } }],
      ['GET', '/p/1', null],
    ],
    allowed: [
      ['/__proto__', ['GET']],
      ['/users/7/usage', ['GET']],
      ['/a//x', ['GET']],
      ['/toString', []],
    ],
  },
]

/** Registers the conformance suite for one router implementation. */
export function runRouterConformance(name: string, createRouter: () => Router<string>): void {
  describe(`${name} conformance`, () => {
    for (const testCase of routerCases) {
      it(testCase.name, () => {
        const router = createRouter()
        for (const route of testCase.routes) {
          const space = route.indexOf(' ')
          router.add(route.slice(0, space), route.slice(space + 1), route)
        }
        for (const [method, path, expected] of testCase.lookups) {
          const match = router.match(method, path)
          if (expected === null) {
            expect(match, `${method} ${path}`).toBeNull()
            continue
          }
          expect(match?.value, `${method} ${path}`).toBe(expected.route)
          const params: Record<string, string> = {}
          match!.paramNames?.forEach((param, i) => {
            if (match!.paramValues![i] !== undefined) params[param] = match!.paramValues![i]!
          })
          expect(params, `${method} ${path} params`).toEqual(expected.params ?? {})
        }
        for (const [path, methods] of testCase.allowed ?? []) {
          expect(router.allowedMethods(path).sort(), `allowed ${path}`).toEqual(methods)
        }
      })
    }
  })
}
