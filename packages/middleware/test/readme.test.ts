import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'
import { presentSubpaths, readme } from './_subpaths.ts'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

it('runs the first README example and prints what its example-output comment says', async () => {
  const match = /```ts\n([\s\S]*?)```\n<!-- example-output: (.+?) -->/.exec(readme())
  expect(match, 'a ```ts block followed by an example-output comment').not.toBeNull()
  const [, source, expected] = match!
  // the same code as the CI check, with workspace packages resolved from source
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@openspeed/source', '--import', 'tsx', '--input-type=module', '--eval', source!],
    { cwd: packageDir },
  )
  expect(stdout.trim()).toBe(expected)
})

it('documents every middleware that exists: a section importing its subpath, no placeholder left', () => {
  const text = readme()
  for (const { name } of presentSubpaths()) {
    expect(text, `README placeholder for ${name}`).not.toContain(`<!-- section: ${name} -->`)
    expect(text, `README section for ${name}`).toContain(`'@openspeed/middleware/${name}'`)
  }
})
