import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const bin = join(
  dirname(createRequire(import.meta.url).resolve('@openspeed/cli/package.json')),
  'bin/openspeed.js',
)
const exampleDir = fileURLToPath(new URL('..', import.meta.url))

interface RouteRow {
  method: string
  path: string
  middleware: string[]
  handler: string
  file: string | undefined
}

it('runs under its own CLI: `openspeed routes` lists every route with its middleware and file', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [bin, 'routes', '--json'], {
    cwd: exampleDir,
  })
  const rows = JSON.parse(stdout) as RouteRow[]
  expect(rows.map(({ method, path }) => `${method} ${path}`).sort()).toEqual([
    'DELETE /books/:id',
    'GET /',
    'GET /books',
    'GET /books/:id',
    'GET /docs',
    'GET /health',
    'GET /openapi.json',
    'PATCH /books/:id',
    'POST /books',
    'PUT /books/:id',
  ])
  const create = rows.find((row) => row.method === 'POST' && row.path === '/books')!
  expect(create.file).toBe('src/books/routes.ts')
  expect(create.middleware).toEqual(expect.arrayContaining(['describe', 'validate(json)']))
  expect(rows.find((row) => row.path === '/health')!.file).toBe('src/app.ts')
}, 60_000)
