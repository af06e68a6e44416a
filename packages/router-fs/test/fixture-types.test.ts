import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const require = createRequire(import.meta.url)

// the fixture is application code (no isolatedDeclarations), so it has its own tsconfig
it('type-checks the fixture app, its generated route types and their type assertions', () => {
  const tsc = require.resolve('typescript/bin/tsc')
  const project = fileURLToPath(new URL('./fixtures/app/tsconfig.json', import.meta.url))
  const result = spawnSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' })
  expect(result.stdout + result.stderr).toBe('')
  expect(result.status).toBe(0)
}, 120_000)
