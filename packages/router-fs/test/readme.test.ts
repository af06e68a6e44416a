import { spawn } from 'node:child_process'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

// inside the package, so `@openspeed/router-fs` resolves to itself; removed afterwards
const workDir = fileURLToPath(new URL('../.readme-example/', import.meta.url))

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

it('runs the first README example and answers its example request', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
  const code = /```ts\n([\s\S]*?)```\n<!-- example-request: (\S+) -> (.+?) -->/.exec(readme)
  expect(code, 'a ```ts block followed by an example-request comment').not.toBeNull()
  const [, source, url, expected] = code!
  await rm(workDir, { recursive: true, force: true })
  await mkdir(workDir, { recursive: true })
  const port = String(await freePort())
  const child = spawn(
    process.execPath,
    [
      '--conditions=@openspeed/source',
      '--import',
      'tsx',
      '--input-type=module',
      '--eval',
      source!.replaceAll('3000', port),
    ],
    { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    stderr += chunk
  })
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => resolve())
      child.on('exit', () => reject(new Error(`the example exited: ${stderr}`)))
    })
    const response = await fetch(url!.replace('3000', port))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(expected)
  } finally {
    child.kill('SIGTERM')
    await rm(workDir, { recursive: true, force: true })
  }
})
