import { once } from 'node:events'
import { createServer, type Server } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { killCliProcesses, runCliProcess } from '../test/_processes.ts'
import { counterApp, createProject, type Project } from '../test/_project.ts'
import { buildApp } from './build.ts'

let project: Project | undefined
let occupied: Server | undefined
afterEach(async () => {
  killCliProcesses()
  if (occupied !== undefined) await new Promise((resolve) => occupied!.close(resolve))
  project?.remove()
  project = occupied = undefined
})

it.each(['dev', 'start'] as const)(
  '`openspeed %s` on a port another server holds prints one line with the --port hint and exits 1',
  async (command) => {
    project = createProject(counterApp)
    if (command === 'start') await buildApp({ root: project.dir })
    occupied = createServer().listen(0, '127.0.0.1')
    await once(occupied, 'listening')
    const { port } = occupied.address() as { port: number }
    const run = await runCliProcess(project.dir, [command, '--port', String(port), '--host', '127.0.0.1'])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `openspeed ${command}: Port ${port} on 127.0.0.1 is already in use: stop the server using it, or pick another port with --port <n>\n`,
    )
    expect(run.stdout).not.toMatch(/EADDRINUSE|\n\s+at /)
  },
  90_000,
)
