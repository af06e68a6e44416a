import { spawnServer } from '@openspeed/conformance'
import { afterEach, expect, it } from 'vitest'
import { cliArgs } from '../test/_processes.ts'
import {
  counterApp,
  createProject,
  eventually,
  invalidResponseApp,
  memoryLogger,
  type Project,
} from '../test/_project.ts'
import { buildApp } from './build.ts'
import { runCli } from './cli.ts'
import { startBuild } from './start.ts'

let project: Project | undefined
afterEach(() => {
  project?.remove()
  project = undefined
})

const freePort = async (): Promise<number> => {
  const { createServer } = await import('node:net')
  const server = createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

it('runs the node build on the given port and stops it gracefully with exit code 0', async () => {
  project = createProject(counterApp)
  await buildApp({ root: project.dir })
  const port = await freePort()
  const controller = new AbortController()
  const exit = startBuild({ root: project.dir, port, hostname: '127.0.0.1', signal: controller.signal })
  const body = await eventually(async () => {
    const response = await fetch(`http://127.0.0.1:${port}/hello`).catch(() => undefined)
    return response?.json()
  }, 'the started build')
  expect(body).toEqual({ message: 'v1', hits: 1 })
  controller.abort()
  expect(await exit).toBe(0)
})

it('asks for a build first, and explains where non-local runtimes run', async () => {
  project = createProject(counterApp)
  const logger = memoryLogger()
  expect(await runCli(['start'], { logger, cwd: project.dir })).toBe(1)
  expect(logger.text()).toMatch(/openspeed start: No build in .*dist: run `openspeed build` first/)
  await buildApp({ root: project.dir, runtime: 'cloudflare' })
  expect(await runCli(['start'], { logger, cwd: project.dir })).toBe(1)
  expect(logger.text()).toContain('Cloudflare builds run on Workers')
  expect(await runCli(['start', '--port', 'x'], { logger, cwd: project.dir })).toBe(2)
  expect(logger.text()).toContain('--port must be an integer from 0 to 65535, got "x"')
})

it('runs the build in production unless NODE_ENV is set: development-only response checks are off', async () => {
  project = createProject(invalidResponseApp)
  await buildApp({ root: project.dir })
  const answer = async (nodeEnv: string): Promise<{ status: number; body: { code?: string } }> => {
    const server = await spawnServer({
      command: process.execPath,
      args: cliArgs('start', '--port', '0', '--host', '127.0.0.1'),
      cwd: project!.dir,
      env: { NODE_ENV: nodeEnv },
    })
    try {
      const response = await fetch(`${server.url}/wrong`)
      return { status: response.status, body: (await response.json()) as { code?: string } }
    } finally {
      await server.stop()
    }
  }
  // an empty NODE_ENV counts as unset
  expect(await answer('')).toEqual({ status: 200, body: { ok: false } })
  const development = await answer('development')
  expect([development.status, development.body.code]).toEqual([500, 'OS_ERR_OPENAPI_RESPONSE_INVALID'])
}, 90_000)
