import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { OpenSpeed } from '@openspeed/core'
import { expect, it } from 'vitest'
import type * as Source from '../src/index.ts'
import type * as Manifest from '../src/manifest.ts'

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const manifestEntry = fileURLToPath(new URL('../dist/manifest.js', import.meta.url))
const routes = fileURLToPath(new URL('./fixtures/app/routes', import.meta.url))

it('serves file routes and manifest routes through the built dist/', async () => {
  for (const file of [entry, manifestEntry]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run \`pnpm --filter @openspeed/router-fs build\` first`)
  }
  const dist = (await import(entry)) as typeof Source
  const manifest = (await import(manifestEntry)) as typeof Manifest
  const app = new OpenSpeed()
  await dist.fileRoutes(app, { dir: routes })
  expect(await (await app.request('/users/1')).json()).toMatchObject({ id: 1, name: 'Ada' })
  expect((await app.request('/users/abc')).status).toBe(400)
  const fromManifest = new OpenSpeed()
  manifest.applyRouteManifest(fromManifest, { 'hello.ts': { GET: () => 'hello' } })
  expect(await (await fromManifest.request('/hello')).text()).toBe('hello')
  expect(
    manifest.FileRouteError.isInstance(new dist.FileRouteError('OS_ERR_ROUTER_FS_INVALID_NAME', 'x')),
  ).toBe(true)
})
