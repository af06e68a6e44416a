import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, it } from 'vitest'
import { counterApp, createProject, eventually, type Project } from './_project.ts'

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
let project: Project | undefined
afterEach(() => {
  project?.remove()
  project = undefined
})

it('`openspeed dev` in a real process serves an edited route live, keeps state, and exits 0 on SIGTERM', async () => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm --filter @openspeed/cli build\` first`)
  project = createProject(counterApp)
  const child = spawn(process.execPath, [bin, 'dev', '--port', '0', '--host', '127.0.0.1'], {
    cwd: project.dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  try {
    const url = await eventually(
      async () => /dev server on (\S+)/.exec(output)?.[1],
      'the dev server to start',
      60_000,
    )
    const get = async (): Promise<{ message: string; hits: number }> =>
      (await fetch(`${url}/hello`)).json() as never
    expect(await get()).toEqual({ message: 'v1', hits: 1 })
    expect(await get()).toEqual({ message: 'v1', hits: 2 })
    project.write('src/routes/hello.ts', counterApp['src/routes/hello.ts']!.replace("'v1'", "'edited'"))
    const edited = await eventually(async () => {
      const body = await get()
      return body.message === 'edited' ? body : undefined
    }, 'the edited answer')
    expect(edited.hits).toBeGreaterThanOrEqual(3)
    expect(output).toMatch(/reloaded src\/routes\/hello\.ts/)
  } finally {
    child.kill('SIGTERM')
  }
  expect(await exited).toBe(0)
}, 90_000)
