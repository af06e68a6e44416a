import { readFileSync, renameSync, rmSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import {
  counterApp,
  createProject,
  eventually,
  fileRoutesApp,
  memoryLogger,
  type Project,
} from '../test/_project.ts'
import { CliError } from './cli-error.ts'
import { type DevServer, startDevServer } from './dev-server.ts'

let project: Project | undefined
let dev: DevServer | undefined

afterEach(async () => {
  await dev?.close()
  project?.remove()
  dev = project = undefined
})

const getJson = async (path: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(`${dev!.url}${path}`)
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const waitFor = (
  path: string,
  predicate: (body: Record<string, unknown>, status: number) => boolean,
  what: string,
) =>
  eventually(async () => {
    const { status, body } = await getJson(path)
    return predicate(body, status) ? body : undefined
  }, what)

it('reloads an edited route module and keeps the state of the modules it did not change', async () => {
  project = createProject(counterApp)
  const logger = memoryLogger()
  dev = await startDevServer({ root: project.dir, port: 0, hostname: '127.0.0.1', logger })
  expect(dev.url).toBe(`http://127.0.0.1:${dev.port}`)
  expect(await getJson('/hello')).toEqual({ status: 200, body: { message: 'v1', hits: 1 } })
  expect((await getJson('/hello')).body).toEqual({ message: 'v1', hits: 2 })

  project.write('src/routes/hello.ts', counterApp['src/routes/hello.ts']!.replace("'v1'", "'v2'"))
  const body = await waitFor('/hello', (json) => json.message === 'v2', 'the edited route')
  // the counter module was not re-evaluated: the hits survive the reload
  expect(body.hits).toBeGreaterThanOrEqual(3)
  expect(logger.text()).toMatch(/reloaded src\/routes\/hello\.ts in \d+ ms/)
})

it('reloads edited middleware in the entry too, with state kept', async () => {
  project = createProject(counterApp)
  dev = await startDevServer({ root: project.dir, port: 0, logger: memoryLogger() })
  await getJson('/hello')
  await getJson('/hello')
  project.write('src/app.ts', counterApp['src/app.ts']!.replace('state.hits++', 'state.hits += 10'))
  const before = await waitFor('/hello', (json) => (json.hits as number) >= 12, 'the edited middleware')
  const after = await getJson('/hello')
  // the counter kept its value and now grows by ten per request
  expect(after.body).toEqual({ message: 'v1', hits: (before.hits as number) + 10 })
})

it('prints compile errors with a code frame, answers 500 until fixed, then recovers', async () => {
  project = createProject(counterApp)
  const logger = memoryLogger()
  dev = await startDevServer({ root: project.dir, port: 0, logger })
  await getJson('/hello')
  project.write('src/routes/hello.ts', 'export function hello(c) {\n  return c.json({ message: "oops" }\n}\n')
  const failure = await waitFor('/hello', (_, status) => status === 500, 'the compile error')
  expect(failure).toMatchObject({ title: 'The app failed to load', status: 500 })
  expect(failure.detail).toMatch(/see the terminal running openspeed dev/)
  expect(logger.text()).toMatch(/reloaded src\/routes\/hello\.ts failed/)
  expect(logger.text()).toContain('src/routes/hello.ts')

  project.write('src/routes/hello.ts', counterApp['src/routes/hello.ts']!.replace("'v1'", "'fixed'"))
  const fixed = await waitFor('/hello', (json) => json.message === 'fixed', 'the fixed route')
  expect(fixed.hits).toBeGreaterThanOrEqual(2)
})

it('prints a runtime error thrown by a handler with a code frame at the throwing line', async () => {
  project = createProject({
    'src/app.ts': `import { OpenSpeed } from '@openspeed/core'

const app = new OpenSpeed().get('/boom', () => {
  throw new Error('kaboom')
})
export default app
`,
  })
  const logger = memoryLogger()
  dev = await startDevServer({ root: project.dir, port: 0, logger })
  const response = await getJson('/boom')
  expect(response.status).toBe(500)
  expect(JSON.stringify(response.body)).not.toContain('kaboom')
  await eventually(async () => (logger.text().includes('> 4 |') ? true : undefined), 'the code frame')
  expect(logger.text()).toContain('Error: kaboom')
  expect(logger.text()).toContain('at src/app.ts:4:')
  expect(logger.text()).toContain("> 4 |   throw new Error('kaboom')")
})

it('prints an error thrown while the entry loads, and loads the app once it is fixed', async () => {
  project = createProject({ 'src/app.ts': "throw new Error('not yet')\n" })
  const logger = memoryLogger()
  dev = await startDevServer({ root: project.dir, port: 0, logger })
  expect((await getJson('/')).status).toBe(500)
  expect(logger.text()).toContain('Error: not yet')
  expect(logger.text()).toContain("> 1 | throw new Error('not yet')")
  project.write(
    'src/app.ts',
    "import { OpenSpeed } from '@openspeed/core'\nexport default new OpenSpeed().get('/', (c) => c.json({ ok: true }))\n",
  )
  expect(await waitFor('/', (json) => json.ok === true, 'the fixed entry')).toEqual({ ok: true })
})

it('reports an entry that does not export an app', async () => {
  project = createProject({ 'src/app.ts': 'export default { hello: 1 }\n' })
  const logger = memoryLogger()
  dev = await startDevServer({ root: project.dir, port: 0, logger })
  expect((await getJson('/')).status).toBe(500)
  expect(logger.text()).toContain(
    'must `export default` an OpenSpeed app (new OpenSpeed()), got an object with keys hello',
  )
})

it('restarts from scratch when the config changes, and picks up new files', async () => {
  project = createProject({
    ...counterApp,
    'openspeed.config.ts':
      "import { defineConfig } from '@openspeed/cli'\nexport default defineConfig({ entry: 'src/app.ts' })\n",
  })
  const logger = memoryLogger()
  dev = await startDevServer({ root: project.dir, port: 0, logger })
  await getJson('/hello')
  await getJson('/hello')
  project.write(
    'src/other.ts',
    "import { OpenSpeed } from '@openspeed/core'\nexport default new OpenSpeed().get('/other', (c) => c.json({ other: true }))\n",
  )
  project.write(
    'openspeed.config.ts',
    "import { defineConfig } from '@openspeed/cli'\nexport default defineConfig({ entry: 'src/other.ts' })\n",
  )
  expect(
    await waitFor('/other', (json, status) => status === 200 && json.other === true, 'the restart'),
  ).toEqual({ other: true })
  expect(logger.text()).toMatch(/openspeed\.config\.ts changed, restarting/)
})

it('refuses to start without an entry file', async () => {
  project = createProject({})
  const error = await startDevServer({ root: project.dir, port: 0, logger: memoryLogger() }).catch(
    (caught: unknown) => caught,
  )
  expect(CliError.isInstance(error) && error.code).toBe('OS_ERR_CLI_ENTRY_NOT_FOUND')
})

it('serves route files added, renamed and removed while it runs, with state kept', async () => {
  project = createProject(fileRoutesApp)
  const logger = memoryLogger()
  dev = await startDevServer({ root: project.dir, port: 0, hostname: '127.0.0.1', logger })
  const status = async (path: string): Promise<number> => (await fetch(`${dev!.url}${path}`)).status
  expect((await getJson('/hits')).body).toEqual({ hits: 1 })
  expect(await status('/added')).toBe(404)

  project.write('src/routes/added.ts', 'export const GET = (c) => c.json({ added: true })\n')
  expect(await waitFor('/added', (_, code) => code === 200, 'the added route')).toEqual({ added: true })
  expect(readFileSync(`${project.dir}/src/routes.d.ts`, 'utf8')).toContain("'/added': {")

  renameSync(`${project.dir}/src/routes/added.ts`, `${project.dir}/src/routes/renamed.ts`)
  await waitFor('/renamed', (_, code) => code === 200, 'the renamed route')
  expect(await status('/added')).toBe(404)

  rmSync(`${project.dir}/src/routes/renamed.ts`)
  await eventually(async () => ((await status('/renamed')) === 404 ? true : undefined), 'the removed route')
  // no restart: the state module kept counting
  expect((await getJson('/hits')).body.hits).toBeGreaterThanOrEqual(2)
  expect(logger.text()).toMatch(/reloaded src\/routes\.manifest\.ts in \d+ ms/)
})

it('prints an invalid routes folder and keeps serving the last good routes', async () => {
  project = createProject(fileRoutesApp)
  const logger = memoryLogger()
  dev = await startDevServer({ root: project.dir, port: 0, logger })
  project.write('src/routes/hits/index.ts', fileRoutesApp['src/routes/hits.ts']!)
  await eventually(
    async () =>
      logger.text().includes('hits.ts and hits/index.ts both yield the route /hits') ? true : undefined,
    'the duplicate route error',
  )
  expect((await getJson('/hits')).body).toEqual({ hits: 1 })
})
