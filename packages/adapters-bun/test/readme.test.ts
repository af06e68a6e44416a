import { runReadmeExample } from '@openspeed/conformance'
import { expect, it } from 'vitest'
import { bunBinary, packageDir } from './_bun.ts'

it('runs the first README example under Bun and answers its example request', async () => {
  const args = ['--conditions=@openspeed/source']
  const example = await runReadmeExample({ packageDir, command: bunBinary, args })
  expect(example.status).toBe(200)
  expect(example.body).toBe(example.expected)
})
