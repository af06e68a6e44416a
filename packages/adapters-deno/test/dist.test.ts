import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { startDeno } from './_deno.ts'

const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url))

it('serves an app through the built dist/, imported under Deno with npm: specifiers', async () => {
  if (!existsSync(distEntry)) {
    throw new Error(`${distEntry} is missing: run \`pnpm --filter @openspeed/adapters-deno build\` first`)
  }
  const dist = await import(distEntry)
  expect(Object.keys(dist).sort()).toEqual(['serve', 'toDenoHandler'])
  const server = await startDeno('dist-app.ts', { conditions: false })
  try {
    expect(await (await fetch(`${server.url}/`)).json()).toEqual({ hello: 'dist', remote: '127.0.0.1' })
  } finally {
    await server.stop()
  }
})
