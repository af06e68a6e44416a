import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

it('runs the first README example and prints its example output', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const code = /```ts\n([\s\S]*?)```\n<!-- example-output: (.+?) -->/.exec(readme)
  expect(code, 'a ```ts block followed by an example-output comment').not.toBeNull()
  const output = execFileSync(
    process.execPath,
    ['--conditions=@openspeed/source', '--import', 'tsx', '--input-type=module', '--eval', code![1]!],
    { cwd: packageDir, encoding: 'utf8' },
  )
  expect(output.trim()).toBe(code![2])
})
