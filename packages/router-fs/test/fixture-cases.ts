/** One request to the fixture app and what it must get, run on Node and on workerd alike. */
export interface FixtureCase {
  name: string
  method?: string
  path: string
  body?: string
  status: number
  text?: string
  json?: unknown
  /** Expected response headers (lower-case names); `null` means absent. */
  headers?: Record<string, string | null>
  /** For problem responses: the `errors` members' `where` values. */
  problemWhere?: string[]
}

const problem = 'application/problem+json'
const root = ['middleware:/', 'layout:/']
const users = [...root, 'middleware:users#1', 'middleware:users#2']

export const fixtureCases: FixtureCase[] = [
  { name: 'index.ts is /', path: '/', status: 200, text: 'home of OpenSpeed' },
  {
    name: 'root _middleware then _layout run, middleware code after next() too',
    path: '/about',
    status: 200,
    json: { page: 'about', trail: root },
    headers: { 'x-root-middleware': 'after', 'x-group': null },
  },
  { name: 'POST export', method: 'POST', path: '/about', status: 201, text: 'posted' },
  {
    name: 'a method the file does not export gets 405 with Allow',
    method: 'PUT',
    path: '/about',
    status: 405,
    headers: { allow: 'GET, POST, HEAD, OPTIONS', 'content-type': problem },
  },
  { name: 'automatic HEAD from GET', method: 'HEAD', path: '/about', status: 200, text: '' },
  {
    name: 'automatic OPTIONS',
    method: 'OPTIONS',
    path: '/about',
    status: 204,
    headers: { allow: 'GET, POST, HEAD, OPTIONS' },
  },
  { name: 'dots in names', path: '/robots.txt', status: 200, text: 'User-agent: *\n' },
  { name: 'Unicode name, percent-encoded request', path: '/caf%C3%A9', status: 200, text: 'unicode' },
  { name: 'space in a name', path: '/hello%20world', status: 200, text: 'space' },
  { name: 'literal % in a name', path: '/100%25', status: 200, text: 'percent' },
  {
    name: 'malformed percent-encoding is a 400',
    path: '/caf%C3',
    status: 400,
    headers: { 'content-type': problem },
  },
  { name: 'a method export beats default', path: '/everything', status: 200, text: 'get wins over default' },
  {
    name: 'default answers other methods',
    method: 'DELETE',
    path: '/everything',
    status: 200,
    text: 'default for DELETE',
  },
  {
    name: 'schema.query validated and coerced',
    path: '/users?limit=1',
    status: 200,
    json: [{ id: 1, name: 'Ada' }],
  },
  {
    name: 'schema.query failure is a 400 problem',
    path: '/users?limit=99',
    status: 400,
    headers: { 'content-type': problem },
    problemWhere: ['query'],
  },
  {
    name: 'schema.json validated',
    method: 'POST',
    path: '/users',
    body: '{"name":"Zed"}',
    status: 201,
    json: { created: 'Zed' },
  },
  {
    name: 'schema.json failure is a 400 problem',
    method: 'POST',
    path: '/users',
    body: '{"name":""}',
    status: 400,
    problemWhere: ['json'],
  },
  {
    name: '405 inside a subtree',
    method: 'DELETE',
    path: '/users',
    status: 405,
    headers: { allow: 'GET, POST, HEAD, OPTIONS' },
  },
  { name: 'static beats dynamic', path: '/users/me', status: 200, json: { me: true } },
  {
    name: 'params schema: parsed value, nested middleware outermost first',
    path: '/users/1',
    status: 200,
    json: { id: 1, name: 'Ada', trail: users },
  },
  {
    name: 'params schema failure is a 400 problem',
    path: '/users/abc',
    status: 400,
    headers: { 'content-type': problem },
    problemWhere: ['params'],
  },
  {
    name: 'HttpError passes through _error as a problem',
    path: '/users/9',
    status: 404,
    headers: { 'content-type': problem },
  },
  {
    name: '_error handles its subtree',
    path: '/users/500',
    status: 500,
    json: { handledBy: 'users/_error', trail: users },
  },
  {
    name: 'an error _error rethrows past the outermost one is a bare 500 problem',
    path: '/users/501',
    status: 500,
    headers: { 'content-type': problem },
  },
  {
    name: 'nested _layout adds variables after outer steps',
    path: '/users/1/posts/7',
    status: 200,
    json: { id: '1', postId: '7', userId: '1', trail: [...users, 'layout:users/[id]'] },
  },
  {
    name: 'nearest _error first',
    path: '/users/1/posts/boom',
    status: 500,
    json: { handledBy: 'users/[id]/_error' },
  },
  {
    name: 'a rethrown error reaches the enclosing _error',
    path: '/users/1/posts/other',
    status: 500,
    json: { handledBy: 'users/_error', trail: [...users, 'layout:users/[id]'] },
  },
  { name: 'static beats catch-all', path: '/docs/intro', status: 200, text: 'static intro' },
  { name: 'catch-all', path: '/docs/a/b/c', status: 200, json: { slug: 'a/b/c' } },
  { name: 'catch-all needs a segment', path: '/docs', status: 404, headers: { 'content-type': problem } },
  { name: 'optional catch-all without a segment', path: '/files', status: 200, json: { path: '' } },
  { name: 'optional catch-all', path: '/files/x/y.txt', status: 200, json: { path: 'x/y.txt' } },
  {
    name: '(group) adds no segment and scopes its middleware',
    path: '/pricing',
    status: 200,
    text: 'pricing',
    headers: { 'x-group': 'marketing' },
  },
  {
    name: 'an OPTIONS export replaces the automatic answer',
    method: 'OPTIONS',
    path: '/admin',
    status: 204,
    headers: { 'x-custom-options': '1' },
  },
  { name: 'private folder', path: '/_lib/data', status: 404 },
  { name: 'private file', path: '/admin/_helpers', status: 404 },
  { name: 'special files are not routes', path: '/_middleware', status: 404 },
  { name: 'unknown path', path: '/nope', status: 404, headers: { 'content-type': problem } },
]

/** Checks one response against its case; returns a list of mismatches (empty when it passes). */
export async function checkCase(test: FixtureCase, response: Response): Promise<string[]> {
  const problems: string[] = []
  const text = await response.text()
  if (response.status !== test.status)
    problems.push(`status ${response.status}, expected ${test.status}: ${text}`)
  if (test.text !== undefined && text !== test.text) problems.push(`body ${JSON.stringify(text)}`)
  if (test.json !== undefined && JSON.stringify(JSON.parse(text)) !== JSON.stringify(test.json)) {
    problems.push(`json ${text}`)
  }
  for (const [name, value] of Object.entries(test.headers ?? {})) {
    if (response.headers.get(name) !== value) problems.push(`header ${name}: ${response.headers.get(name)}`)
  }
  if (test.problemWhere !== undefined) {
    const where = (JSON.parse(text) as { errors?: { where: string }[] }).errors?.map((error) => error.where)
    if (JSON.stringify(where) !== JSON.stringify(test.problemWhere)) problems.push(`errors where ${where}`)
  }
  if (test.status >= 500 && /at .*\.ts|boom/.test(text) && test.json === undefined)
    problems.push('leaks details')
  return problems
}

/** The request for a case against a base URL. */
export function caseRequest(base: string, test: FixtureCase): Request {
  return new Request(base + test.path, {
    method: test.method ?? 'GET',
    ...(test.body === undefined ? {} : { body: test.body, headers: { 'content-type': 'application/json' } }),
  })
}
