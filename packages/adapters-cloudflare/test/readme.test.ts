import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { nodeSourceArgs, withReadmeExample } from '@openspeed/conformance'
import { expect, it } from 'vitest'
import { bundleWorker, startWorker } from './_workerd.ts'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

it('imports on Node and prints what the package check expects', async () => {
  const { output, result } = await withReadmeExample(packageDir, (file) =>
    execFileSync(process.execPath, [...nodeSourceArgs(), file], { cwd: packageDir, encoding: 'utf8' }),
  )
  expect(result.trim()).toBe(output)
})

it('runs as a module worker on workerd and answers GET / as the README says', async () => {
  const { result } = await withReadmeExample(packageDir, async (file, readme) => ({
    script: await bundleWorker(file),
    promised: /`GET \/` answers `([^`]+)`/.exec(readme)![1],
  }))
  const { script, promised } = result
  const { miniflare, url } = await startWorker(script, { bindings: { GREETING: 'Hello' } })
  try {
    const response = await fetch(`${url}/`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(promised)
  } finally {
    await miniflare.dispose()
  }
})
