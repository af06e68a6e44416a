import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { freePort, spawnServer } from '@openspeed/conformance'
import { expect, it } from 'vitest'
import { bunBinary } from './_bun.ts'

it('runs the first README example under Bun and answers its example request', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const code = /```ts\n([\s\S]*?)```\n<!-- example-request: (\S+) -> (.+?) -->/.exec(readme)
  expect(code, 'a ```ts block followed by an example-request comment').not.toBeNull()
  const [, source, url, expected] = code!
  const port = String(await freePort())
  // a file inside the package so that its imports resolve through this package's node_modules
  const file = fileURLToPath(new URL('fixtures/.readme-example.ts', import.meta.url))
  writeFileSync(file, source!.replaceAll('3000', port))
  const server = await spawnServer({
    command: bunBinary,
    args: ['--conditions=@openspeed/source', file],
    ready: /(listening)/i,
  })
  try {
    const response = await fetch(url!.replace('3000', port))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(expected)
  } finally {
    await server.stop()
    rmSync(file)
  }
})
