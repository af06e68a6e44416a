import { readFileSync } from 'node:fs'
import { describe, type MiddlewareHandler, OpenSpeed, validate } from '@openspeed/core'
import { afterEach, expect, it } from 'vitest'
import { counterApp, createProject, fileRoutesApp, memoryLogger, type Project } from '../test/_project.ts'
import { runCli } from './cli.ts'
import { describeRoutes, formatRouteTable } from './routes.ts'

let project: Project | undefined
afterEach(() => {
  project?.remove()
  project = undefined
})

it('names the middleware and handler of every route', () => {
  const auth: MiddlewareHandler = async function requireUser(_c, next) {
    await next()
  }
  const app = new OpenSpeed()
    .use(async function logRequests(_c, next) {
      await next()
    })
    .get('/users/:id', auth, function getUser(c) {
      return c.json({ id: c.req.param('id') })
    })
    .post('/users', (c) => c.json({}, 201))
  const rows = describeRoutes(app, (fn) => (fn.name === 'getUser' ? 'src/users.ts' : undefined))
  expect(rows).toEqual([
    {
      method: 'GET',
      path: '/users/:id',
      middleware: ['logRequests', 'requireUser'],
      handler: 'getUser',
      file: 'src/users.ts',
    },
    { method: 'POST', path: '/users', middleware: ['logRequests'], handler: 'anonymous', file: undefined },
  ])
  expect(formatRouteTable(rows)).toBe(
    [
      'METHOD  PATH        MIDDLEWARE                HANDLER    FILE',
      'POST    /users      logRequests               anonymous  -',
      'GET     /users/:id  logRequests, requireUser  getUser    src/users.ts',
    ].join('\n'),
  )
})

it("names core's validate() and describe() middleware by what they do", () => {
  const title = {
    '~standard': { version: 1, vendor: 'test', validate: (value: unknown) => ({ value }) },
  } as const
  const app = new OpenSpeed().post(
    '/books',
    describe({ summary: 'Create a book' }),
    validate('json', title),
    function createBook(c) {
      return c.json({}, 201)
    },
  )
  expect(describeRoutes(app)[0]!.middleware).toEqual(['describe', 'validate(json)'])
})

it('says so when there are no routes', () => {
  expect(formatRouteTable(describeRoutes(new OpenSpeed()))).toBe('No routes.')
})

it('prints the table of a project with the file defining each handler', async () => {
  project = createProject(counterApp)
  const logger = memoryLogger()
  expect(await runCli(['routes', '--root', project.dir], { logger })).toBe(0)
  expect(logger.text()).toBe(
    [
      'METHOD  PATH    MIDDLEWARE  HANDLER        FILE',
      'GET     /hello  countHits   hello          src/routes/hello.ts',
      'GET     /ip     countHits   clientAddress  src/app.ts',
      'POST    /reset  countHits   reset          src/app.ts',
    ].join('\n'),
  )
})

it('prints JSON with --json, including routes added by plugins at startup', async () => {
  project = createProject({
    'src/app.ts': `import { OpenSpeed, definePlugin } from '@openspeed/core'
const health = definePlugin({ name: 'health', async setup(app) { app.get('/healthz', function healthz(c) { return c.json({ ok: true }) }) } })
export default new OpenSpeed().register(health)
`,
  })
  const logger = memoryLogger()
  expect(await runCli(['routes', '--json'], { logger, cwd: project.dir })).toBe(0)
  expect(JSON.parse(logger.text())).toEqual([
    { method: 'GET', path: '/healthz', middleware: [], handler: 'healthz', file: 'src/app.ts' },
  ])
})

it('fails with exit code 1 and a readable message when the entry is not an app', async () => {
  project = createProject({ 'src/app.ts': 'export default 1\n' })
  const logger = memoryLogger()
  expect(await runCli(['routes'], { logger, cwd: project.dir })).toBe(1)
  expect(logger.text()).toContain('openspeed routes: ')
  expect(logger.text()).toContain('must `export default` an OpenSpeed app (new OpenSpeed()), got a number')
})

it('lists file routes with their route file, writing the manifest they are read from', async () => {
  project = createProject({
    ...fileRoutesApp,
    'src/routes/users/[id].ts': "export const GET = (c) => c.json({ id: c.req.param('id') })\n",
  })
  const logger = memoryLogger()
  expect(await runCli(['routes', '--json'], { logger, cwd: project.dir })).toBe(0)
  const rows = JSON.parse(logger.text()) as { method: string; path: string; file: string }[]
  expect(rows.map(({ method, path, file }) => `${method} ${path} ${file}`)).toEqual(
    expect.arrayContaining([
      'GET / src/routes/index.ts',
      'GET /hits src/routes/hits.ts',
      'GET /users/:id src/routes/users/[id].ts',
    ]),
  )
  expect(readFileSync(`${project.dir}/src/routes.manifest.ts`, 'utf8')).toContain("'users/[id].ts'")
})
