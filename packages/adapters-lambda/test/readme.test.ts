import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

it('runs the first README example and prints what it promises', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const code = /```ts\n([\s\S]*?)```\n<!-- example-output: (.+?) -->/.exec(readme)
  expect(code, 'a ```ts block followed by an example-output comment').not.toBeNull()
  const [, source, expected] = code!
  // a file inside the package, so the example resolves the workspace packages like a user's project
  const dir = mkdtempSync(join(packageDir, 'test/.readme-'))
  try {
    writeFileSync(join(dir, 'example.ts'), source!)
    const stdout = execFileSync(
      process.execPath,
      ['--conditions=@openspeed/source', '--import', 'tsx', join(dir, 'example.ts')],
      { cwd: packageDir, encoding: 'utf8' },
    )
    expect(stdout.trim()).toBe(expected)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
