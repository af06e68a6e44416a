import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { spawnServer } from '@openspeed/conformance'
import { expect, it } from 'vitest'
import { bunBinary } from './_bun.ts'

const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url))

it('serves an app through the built dist/ under Bun', async () => {
  if (!existsSync(distEntry)) {
    throw new Error(`${distEntry} is missing: run \`pnpm --filter @openspeed/adapters-bun build\` first`)
  }
  const dist = await import(distEntry)
  expect(Object.keys(dist).sort()).toEqual(['serve', 'toBunHandler'])
  const server = await spawnServer({
    command: bunBinary,
    args: [fileURLToPath(new URL('fixtures/dist-app.ts', import.meta.url))],
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  })
  try {
    const response = await fetch(`${server.url}/`)
    expect(await response.json()).toEqual({ hello: 'dist', remote: '127.0.0.1' })
  } finally {
    await server.stop()
  }
})
