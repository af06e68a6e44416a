import { fileURLToPath } from 'node:url'
import { nodeSourceArgs, runReadmeExample } from '@openspeed/conformance'
import { expect, it } from 'vitest'

it('runs the first README example and answers its example request', async () => {
  const packageDir = fileURLToPath(new URL('..', import.meta.url))
  const example = await runReadmeExample({ packageDir, command: process.execPath, args: nodeSourceArgs() })
  expect(example.status).toBe(200)
  expect(example.body).toBe(example.expected)
})
