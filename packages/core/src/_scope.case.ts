/**
 * Scoped middleware against request paths: for each scope, the routes an app registers and, per
 * request path, whether middleware added with `use(scope, ...)` runs. A scope covers a path by the
 * path itself, whichever route (or none) answers it.
 */
export interface ScopeCase {
  scope: string
  routes: string[]
  /** `[path, ran]`: whether the scoped middleware runs for `GET path`. */
  requests: [path: string, ran: boolean][]
}

export const scopeCases: ScopeCase[] = [
  {
    scope: '/admin/*',
    routes: ['/admin/users', '/:section/stats', '/*'],
    requests: [
      ['/admin/users', true],
      ['/admin/stats', true],
      ['/admin/secret', true],
      ['/admin', true],
      ['/admin/', true],
      ['/public/stats', false],
      ['/administrator', false],
      ['/', false],
      ['/x/admin', false],
    ],
  },
  {
    scope: '/admin',
    routes: ['/admin', '/admin/:id', '/:section', '/'],
    requests: [
      ['/admin', true],
      ['/admin/7', true],
      ['/admins', false],
      ['/users', false],
      ['/', false],
    ],
  },
  {
    scope: '/api/:version/*',
    routes: ['/api/v1/users', '/api/:version', '/api', '/*'],
    requests: [
      ['/api/v1/users', true],
      ['/api/v2', true],
      ['/api/v2/anything/below', true],
      ['/api', false],
      ['/api/', false],
      ['/other/v1', false],
    ],
  },
  {
    scope: '/items/:id{[0-9]+}/*',
    routes: ['/items/:id/edit', '/items/new/edit', '/items/42', '/*'],
    requests: [
      ['/items/7/edit', true],
      ['/items/42', true],
      ['/items/abc/edit', false],
      ['/items/new/edit', false],
      ['/items', false],
      ['/items/12a/edit', false],
    ],
  },
  {
    scope: '/docs',
    routes: ['/docs/*path', '/:page?', '/d/:x{[a-z]+}'],
    requests: [
      ['/docs', true],
      ['/docs/guide/intro', true],
      ['/docsx', false],
      ['/', false],
      ['/d/docs', false],
    ],
  },
  {
    scope: '/files/:name{.+\\.txt}',
    routes: ['/files/:name', '/files/readme.txt', '/files/logo.png'],
    requests: [
      ['/files/notes.txt', true],
      ['/files/readme.txt', true],
      ['/files/logo.png', false],
      ['/files/notes.md', false],
      ['/files/missing.txt/below', true],
    ],
  },
]
