import { once } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { OpenSpeed } from '@openspeed/core'
import { expect, it } from 'vitest'

const dist = (name: string) => fileURLToPath(new URL(`../dist/${name}`, import.meta.url))

it('serves both entry points from the built dist/', async () => {
  for (const file of ['index.js', 'node.js']) {
    if (!existsSync(dist(file))) {
      throw new Error(
        `${dist(file)} is missing: run \`pnpm --filter @openspeed/adapters-vercel build\` first`,
      )
    }
  }
  // the Edge entry must bundle for a runtime without Node built-ins
  expect(readFileSync(dist('index.js'), 'utf8')).not.toMatch(/from ['"]node:|adapters-node/)
  const edge = await import(dist('index.js'))
  const node = await import(dist('node.js'))
  const app = new OpenSpeed().get('/api/hello', (c) => c.json({ hello: 'dist' }))
  const response = await edge.handle(app)(new Request('https://x.vercel.app/api/hello'))
  expect(await response.json()).toEqual({ hello: 'dist' })
  const server = createServer(node.handle(app)).listen(0, '127.0.0.1')
  await once(server, 'listening')
  try {
    const port = (server.address() as { port: number }).port
    expect(await (await fetch(`http://127.0.0.1:${port}/api/hello`)).json()).toEqual({ hello: 'dist' })
  } finally {
    server.close()
  }
})
