import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { OpenSpeed } from '@openspeed/core'
import { expect, it } from 'vitest'
import type * as Source from '../src/index.ts'

const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const distBin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))

it('exposes the API and an executable bin from the built dist/', async () => {
  if (!existsSync(distEntry) || !existsSync(distBin)) {
    throw new Error(`${distEntry} is missing: run \`pnpm --filter @openspeed/cli build\` first`)
  }
  const dist = (await import(distEntry)) as typeof Source
  expect(Object.keys(dist).sort()).toEqual(Object.keys(await import('../src/index.ts')).sort())
  const app = new OpenSpeed().get('/', function home(c) {
    return c.text('hi')
  })
  expect(dist.describeRoutes(app)).toEqual([
    { method: 'GET', path: '/', middleware: [], handler: 'home', file: undefined },
  ])
  expect(execFileSync(process.execPath, [distBin, '--help'], { encoding: 'utf8' })).toMatch(
    /^Usage: openspeed <command>/,
  )
  let status = 0
  try {
    execFileSync(process.execPath, [distBin, 'nope'], { stdio: 'pipe' })
  } catch (error) {
    status = (error as { status: number }).status
  }
  expect(status).toBe(2)
})
