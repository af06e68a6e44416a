import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { importDist } from './dist.ts'

const packageDir = mkdtempSync(join(tmpdir(), 'openspeed-dist-'))
writeFileSync(
  join(packageDir, 'package.json'),
  JSON.stringify({ name: '@openspeed/example-dist', type: 'module' }),
)
afterAll(() => rmSync(packageDir, { recursive: true, force: true }))

it('names the build command when dist/ is missing', async () => {
  await expect(importDist(packageDir)).rejects.toThrow(
    `${join(packageDir, 'dist', 'index.js')} is missing: run \`pnpm --filter @openspeed/example-dist build\` first`,
  )
})

it('imports the built entry', async () => {
  mkdirSync(join(packageDir, 'dist'))
  writeFileSync(join(packageDir, 'dist', 'index.js'), 'export const built = true\n')
  expect(Object.entries(await importDist(packageDir))).toEqual([['built', true]])
})
