import { readFileSync } from 'node:fs'

/** The route table of routes.txt: `{ method, pattern, key }`, key being "METHOD /pattern". */
export const routes = readFileSync(new URL('routes.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [method, pattern] = line.split(' ')
    return { method, pattern, key: line }
  })

/**
 * The lookups timed, one per kind, each with the route and parameters a correct router returns
 * (`wildcard` is what the trailing `*` captured; `null` route means no match).
 */
export const lookups = [
  { kind: 'short static', method: 'GET', path: '/user', route: 'GET /user', params: {} },
  {
    kind: 'deep static',
    method: 'GET',
    path: '/user/codespaces/secrets/public-key',
    route: 'GET /user/codespaces/secrets/public-key',
    params: {},
  },
  {
    kind: '3 params',
    method: 'GET',
    path: '/repos/openspeed/core/issues/4242',
    route: 'GET /repos/:owner/:repo/issues/:number',
    params: { owner: 'openspeed', repo: 'core', number: '4242' },
  },
  {
    kind: 'wildcard',
    method: 'GET',
    path: '/repos/openspeed/core/contents/packages/core/src/router/radix-router.ts',
    route: 'GET /repos/:owner/:repo/contents/*',
    params: { owner: 'openspeed', repo: 'core' },
    wildcard: 'packages/core/src/router/radix-router.ts',
  },
  {
    kind: 'miss',
    method: 'GET',
    path: '/repos/openspeed/core/issues/4242/reactions',
    route: null,
    params: {},
  },
]
