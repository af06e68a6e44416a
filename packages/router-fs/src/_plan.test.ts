import { describe, expect, it } from 'vitest'
import { planRoutes } from './_plan.ts'
import { FileRouteError } from './errors.ts'

const patterns = (files: string[]) =>
  planRoutes(files).routes.map((route) => `${route.pattern} <- ${route.file}`)

function failure(files: string[]): FileRouteError {
  try {
    planRoutes(files)
  } catch (error) {
    if (FileRouteError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected planRoutes to throw')
}

describe('planRoutes(): conventions', () => {
  it('maps index, names, [param], [...rest], [[...rest]] and (group) to patterns', () => {
    expect(
      patterns([
        'index.ts',
        'users/index.ts',
        'users/[id].ts',
        'users/[id]/posts/[postId].ts',
        'docs/[...slug].ts',
        'files/[[...path]].ts',
        '(marketing)/pricing.ts',
        '(marketing)/(deep)/about/index.ts',
      ]),
    ).toEqual([
      '/ <- index.ts',
      '/about <- (marketing)/(deep)/about/index.ts',
      '/docs/*slug <- docs/[...slug].ts',
      '/files/*path <- files/[[...path]].ts',
      '/pricing <- (marketing)/pricing.ts',
      '/users <- users/index.ts',
      '/users/:id <- users/[id].ts',
      '/users/:id/posts/:postId <- users/[id]/posts/[postId].ts',
    ])
  })

  it('orders static before parameters before catch-alls, deterministically', () => {
    const files = ['a/[...rest].ts', 'a/[id].ts', 'a/b.ts', 'a/index.ts', 'a/[id]/c.ts', 'z.ts']
    const expected = ['/a', '/a/b', '/a/:id', '/a/:id/c', '/a/*rest', '/z']
    expect(planRoutes(files).routes.map((route) => route.pattern)).toEqual(expected)
    expect(planRoutes([...files].reverse()).routes.map((route) => route.pattern)).toEqual(expected)
  })

  it('ignores private names, dot entries, tests, declarations and unknown extensions', () => {
    expect(
      patterns([
        '_lib/db.ts',
        'users/_helpers.ts',
        '.hidden/x.ts',
        '.eslintrc.js',
        'a.test.ts',
        'a.spec.mjs',
        'types.d.ts',
        'README.md',
        'style.css',
        'ok.mjs',
      ]),
    ).toEqual(['/ok <- ok.mjs'])
  })

  it('reads Windows separators the same as "/"', () => {
    const plan = planRoutes(['users\\[id].ts', 'users\\_middleware.ts', '.\\index.ts'])
    expect(plan.routes.map((route) => `${route.pattern} <- ${route.file}`)).toEqual([
      '/ <- index.ts',
      '/users/:id <- users/[id].ts',
    ])
    expect(plan.routes[1]!.chain).toEqual([{ kind: 'middleware', file: 'users/_middleware.ts' }])
  })

  it('keeps dots, writes Unicode as NFC and keeps %, ? and # encoded the way requests carry them', () => {
    expect(planRoutes(['sitemap.xml.ts', 'v1.2/notes.ts']).routes.map((r) => r.pattern)).toEqual([
      '/sitemap.xml',
      '/v1.2/notes',
    ])
    expect(planRoutes(['cafe\u0301.ts']).routes[0]!.pattern).toBe('/caf\u00e9')
    expect(planRoutes(['100%.ts', 'a?b.ts', 'c#d.ts']).routes.map((r) => r.pattern)).toEqual([
      '/100%25',
      '/a%3Fb',
      '/c%23d',
    ])
  })

  it('collects inherited files outermost first, middleware before layout in one folder, groups scoped', () => {
    const plan = planRoutes([
      '_middleware.ts',
      '_layout.ts',
      '_error.ts',
      '(admin)/_middleware.ts',
      '(admin)/users/_layout.ts',
      '(admin)/users/_error.ts',
      '(admin)/users/[id].ts',
      'public.ts',
    ])
    const [users, pub] = [
      plan.routes.find((r) => r.file.endsWith('[id].ts'))!,
      plan.routes.find((r) => r.file === 'public.ts')!,
    ]
    expect(users.chain.map((step) => `${step.kind}:${step.file}`)).toEqual([
      'middleware:_middleware.ts',
      'layout:_layout.ts',
      'middleware:(admin)/_middleware.ts',
      'layout:(admin)/users/_layout.ts',
    ])
    expect(users.errors).toEqual(['_error.ts', '(admin)/users/_error.ts'])
    expect(pub.chain.map((step) => step.file)).toEqual(['_middleware.ts', '_layout.ts'])
    expect(plan.files).not.toContain('(admin)/unused.ts')
  })

  it('yields nothing for an empty folder or a folder of special files only', () => {
    expect(planRoutes([])).toEqual({ routes: [], files: [] })
    expect(planRoutes(['_middleware.ts', 'empty/_layout.ts']).routes).toEqual([])
  })
})

describe('planRoutes(): mistakes name the file', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'two files, one route',
      ['users.ts', 'users/index.ts'],
      /^users\.ts and users\/index\.ts both yield the route \/users$/,
    ],
    [
      'two groups, one route',
      ['(a)/x.ts', '(b)/x.ts'],
      /^\(a\)\/x\.ts and \(b\)\/x\.ts both yield the route \/x$/,
    ],
    [
      'same shape, other names',
      ['[id].ts', '[slug].ts'],
      /^\[id\]\.ts and \[slug\]\.ts both yield the route/,
    ],
    ['two catch-alls', ['[...a].ts', '[[...b]].ts'], /both yield the route/],
    ['two extensions', ['a.ts', 'a.js'], /^a\.js and a\.ts both yield/],
    ['two _middleware', ['_middleware.ts', '_middleware.js'], /both yield the _middleware of "\."/],
  ]
  for (const [name, files, message] of cases) {
    it(`${name}: OS_ERR_ROUTER_FS_DUPLICATE_ROUTE`, () => {
      const error = failure(files)
      expect(error.code).toBe('OS_ERR_ROUTER_FS_DUPLICATE_ROUTE')
      expect(error.message).toMatch(message)
    })
  }

  const names: [string, string, RegExp][] = [
    [
      'bad parameter name',
      'users/[user-id].ts',
      /^users\/\[user-id\]\.ts: "\[user-id\]" is not a valid parameter/,
    ],
    ['empty parameter', '[].ts', /"\[\]" is not a valid parameter/],
    ['mixed segment', '[id].json.ts', /mixes text and a parameter/],
    ['catch-all not last', 'docs/[...slug]/edit.ts', /the catch-all "slug" must be the last segment/],
    ['parameter twice', '[id]/[id].ts', /the parameter "id" appears twice/],
    ['group as a file', '(group).ts', /only folders can be/],
    ['router syntax in a name', ':id.ts', /starts with ":"/],
  ]
  for (const [name, file, message] of names) {
    it(`${name}: OS_ERR_ROUTER_FS_INVALID_NAME`, () => {
      const error = failure([file])
      expect(error.code).toBe('OS_ERR_ROUTER_FS_INVALID_NAME')
      expect(error.file).toBe(file)
      expect(error.message).toMatch(message)
    })
  }
})
