import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { bundleEdgeFunction, startEdge } from './_edge.ts'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const [, source, expected] = /```ts\n([\s\S]*?)```\n<!-- example-output:(.*?)-->/.exec(readme) ?? []

async function withExample<T>(run: (file: string) => T | Promise<T>): Promise<T> {
  // a file inside the package, so the example resolves the workspace packages like a user's project
  const dir = mkdtempSync(join(packageDir, 'test/.readme-'))
  try {
    writeFileSync(join(dir, 'example.ts'), source!)
    return await run(join(dir, 'example.ts'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

it('imports on Node and prints what the package check expects', async () => {
  expect(source, 'a ```ts block followed by an example-output comment').toBeDefined()
  const stdout = await withExample((file) =>
    execFileSync(process.execPath, ['--conditions=@openspeed/source', '--import', 'tsx', file], {
      cwd: packageDir,
      encoding: 'utf8',
    }),
  )
  expect(stdout.trim()).toBe(expected!.trim())
})

it('runs as an Edge Function on edge-runtime and answers as the README says', async () => {
  const [, path, body] = /`GET (\S+)` answers `([^`]+)`/.exec(readme)!
  const edge = await startEdge(await withExample((file) => bundleEdgeFunction(file)))
  try {
    const response = await fetch(`${edge.url}${path}`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(body)
  } finally {
    await edge.close()
  }
})
