import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

it('runs the first README example and answers its example request', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const code = /```ts\n([\s\S]*?)```\n<!-- example-request: (\S+) -> (.+?) -->/.exec(readme)
  expect(code, 'a ```ts block followed by an example-request comment').not.toBeNull()
  const [, source, url, expected] = code!
  // same code and request as the CI check, on a free port instead of 3000
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
    { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] },
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
  }
})
