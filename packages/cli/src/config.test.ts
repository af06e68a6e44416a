import { afterEach, expect, it } from 'vitest'
import { createProject, type Project } from '../test/_project.ts'
import { CliError } from './cli-error.ts'
import { defineConfig, loadConfig } from './config.ts'

let project: Project | undefined
afterEach(() => {
  project?.remove()
  project = undefined
  delete process.env.PORT
})

const configError = async (contents: string, configFile?: string): Promise<string> => {
  project?.remove()
  project = createProject({ 'openspeed.config.ts': contents })
  const error = await loadConfig(project.dir, { configFile }).catch((caught: unknown) => caught)
  expect(CliError.isInstance(error) && error.code).toBe('OS_ERR_CLI_CONFIG_INVALID')
  return (error as Error).message
}

it('fills in defaults when the project has no config file', async () => {
  project = createProject({})
  expect(await loadConfig(project.dir)).toEqual({
    root: project.dir,
    configFile: undefined,
    entry: `${project.dir}/src/app.ts`,
    runtime: 'node',
    routesDir: undefined,
    outDir: `${project.dir}/dist`,
    port: 3000,
    hostname: undefined,
    external: [],
  })
})

it('loads openspeed.config.ts written with defineConfig, resolving paths from the root', async () => {
  project = createProject({
    'openspeed.config.ts': `import { defineConfig } from '@openspeed/cli'
const port: number = 4000
export default defineConfig({ entry: 'server/main.ts', runtime: 'bun', routesDir: 'server/routes', outDir: 'out', port, hostname: '127.0.0.1', external: ['pg'] })
`,
  })
  expect(await loadConfig(project.dir)).toMatchObject({
    configFile: `${project.dir}/openspeed.config.ts`,
    entry: `${project.dir}/server/main.ts`,
    runtime: 'bun',
    routesDir: `${project.dir}/server/routes`,
    outDir: `${project.dir}/out`,
    port: 4000,
    hostname: '127.0.0.1',
    external: ['pg'],
  })
})

it('takes the port from PORT when the config sets none', async () => {
  project = createProject({})
  process.env.PORT = '5050'
  expect((await loadConfig(project.dir)).port).toBe(5050)
})

it('returns the config it is given from defineConfig', () => {
  const config = { entry: 'src/app.ts' }
  expect(defineConfig(config)).toBe(config)
})

it('rejects invalid options with the option named', async () => {
  expect(await configError("export default { runtime: 'java' }")).toMatch(
    /"runtime" must be one of node, bun, deno/,
  )
  expect(await configError('export default { prot: 3000 }')).toMatch(/unknown option "prot"/)
  expect(await configError('export default { port: 70000 }')).toMatch(/"port" must be an integer/)
  expect(await configError("export default { entry: '' }")).toMatch(/"entry" must be a non-empty string/)
  expect(await configError("export default { external: 'pg' }")).toMatch(/"external" must be a list/)
  expect(await configError('export default 42')).toMatch(/the default export must be an object/)
})

it('reports a config that fails to load, and a missing explicit config file', async () => {
  expect(await configError('export default {')).toMatch(/openspeed\.config\.ts failed to load/)
  expect(await configError('export default {}', 'custom.config.ts')).toMatch(
    /custom\.config\.ts does not exist/,
  )
})
