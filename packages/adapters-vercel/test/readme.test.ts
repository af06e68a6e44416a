import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { nodeSourceArgs, withReadmeExample } from '@openspeed/conformance'
import { expect, it } from 'vitest'
import { bundleEdgeFunction, startEdge } from './_edge.ts'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

it('imports on Node and prints what the package check expects', async () => {
  const { output, result } = await withReadmeExample(packageDir, (file) =>
    execFileSync(process.execPath, [...nodeSourceArgs(), file], { cwd: packageDir, encoding: 'utf8' }),
  )
  expect(result.trim()).toBe(output)
})

it('runs as an Edge Function on edge-runtime and answers as the README says', async () => {
  const { result } = await withReadmeExample(packageDir, async (file, readme) => ({
    bundle: await bundleEdgeFunction(file),
    promised: /`GET (\S+)` answers `([^`]+)`/.exec(readme)!,
  }))
  const [, path, body] = result.promised
  const bundle = result.bundle
  const edge = await startEdge(bundle)
  try {
    const response = await fetch(`${edge.url}${path}`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(body)
  } finally {
    await edge.close()
  }
})
