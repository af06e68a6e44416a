import { runReadmeExample } from '@openspeed/conformance'
import { expect, it } from 'vitest'
import { denoBinary, packageDir } from './_deno.ts'

it('runs the first README example under Deno and answers its example request', async () => {
  // the permissions the package check grants the example
  const args = ['run', '--allow-net', '--allow-env', '--allow-read', '--conditions=@openspeed/source']
  const example = await runReadmeExample({ packageDir, command: denoBinary, args })
  expect(example.status).toBe(200)
  expect(example.body).toBe(example.expected)
})
