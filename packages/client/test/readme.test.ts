import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```\n<!-- example-output: (.+?) -->/g)]

// a .ts file inside the package, so that TypeScript syntax is compiled and imports resolve
async function run(source: string): Promise<string> {
  const dir = mkdtempSync(join(packageDir, '.readme-'))
  try {
    writeFileSync(join(dir, 'example.ts'), source)
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@openspeed/source', '--import', 'tsx', join(dir, 'example.ts')],
      { cwd: packageDir, timeout: 60_000 },
    )
    return stdout.trim()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

it('runs the first README example (the one CI runs from the packed tarball)', async () => {
  expect(readme.indexOf(examples[0]![0])).toBe(readme.indexOf('```ts'))
  expect(await run(examples[0]![1]!)).toBe(examples[0]![2])
}, 90_000)

it('runs the README example against a real server', async () => {
  expect(examples[1]![1]).toContain('serve(app, { port: 0 })')
  expect(await run(examples[1]![1]!)).toBe(examples[1]![2])
}, 90_000)
