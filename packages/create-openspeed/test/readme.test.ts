import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

it('runs the first README example and prints its example output', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const code = /```ts\n([\s\S]*?)```\n<!-- example-output: (.+?) -->/.exec(readme)
  expect(code, 'a ```ts block followed by an example-output comment').not.toBeNull()
  const work = mkdtempSync(join(tmpdir(), 'create-openspeed-readme-'))
  try {
    const output = execFileSync(
      process.execPath,
      [
        '--conditions=@openspeed/source',
        '--import',
        join(packageDir, 'node_modules/tsx/dist/esm/index.mjs'),
        '--input-type=module',
        '--eval',
        code![1]!.replace("from 'create-openspeed'", `from '${join(packageDir, 'src/index.ts')}'`),
      ],
      { cwd: work, encoding: 'utf8' },
    )
    expect(output.trim()).toBe(code![2])
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
})

it('documents every error code', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  return import('../src/create-error.ts').then(({ createErrorCodes }) => {
    for (const code of Object.keys(createErrorCodes)) expect(readme).toContain(`| \`${code}\` |`)
  })
})
