import { type SpawnedServer, spawnServer } from '@openspeed/conformance'
import { afterEach, expect, it } from 'vitest'
import { cliArgs, pathWithRuntimes } from '../test/_processes.ts'
import { counterApp, createProject, type Project } from '../test/_project.ts'
import { buildApp } from './build.ts'

let project: Project | undefined
let server: SpawnedServer | undefined
let path: ReturnType<typeof pathWithRuntimes> | undefined
afterEach(async () => {
  await server?.stop()
  project?.remove()
  path?.remove()
  server = project = path = undefined
})

it.each(['node', 'bun', 'deno'] as const)(
  '`openspeed start` serves the %s build through its adapter: getConnInfo(c) sees the client address',
  async (runtime) => {
    project = createProject(counterApp)
    await buildApp({ root: project.dir, runtime })
    path = pathWithRuntimes()
    server = await spawnServer({
      command: process.execPath,
      args: cliArgs('start', '--port', '0', '--host', '127.0.0.1'),
      cwd: project.dir,
      env: { PATH: path.PATH },
      startTimeout: 60_000,
    })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await (await fetch(`${server.url}/ip`)).json()).toMatchObject({
      address: '127.0.0.1',
      family: 'IPv4',
    })
    expect(await (await fetch(`${server.url}/hello`)).json()).toEqual({ message: 'v1', hits: 2 })
    await server.stop()
    expect((await server.exited).code).toBe(0)
  },
  90_000,
)
