import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from './_cli.ts'

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url))

function run(args: string[]): { code: number; output: string } {
  const lines: string[] = []
  const code = runCli(args, (line) => lines.push(line))
  return { code, output: lines.join('\n') }
}

describe('openspeed-contract', () => {
  it('writes an app contract', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'openspeed-cli-')), 'contract.d.ts')
    expect(run([fixture('shapes.ts'), '--export', 'Routes', '--out', out, '--type', 'Shapes'])).toEqual({
      code: 0,
      output: `Wrote ${out}: 1 routes`,
    })
    expect(readFileSync(out, 'utf8')).toContain('export type Shapes = {')
  }, 120_000)

  it('writes a contract from an OpenAPI document', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'openspeed-cli-')), 'sub/paths.d.ts')
    const openapi = fixture('petstore.openapi.json')
    expect(run(['--openapi', openapi, '-o', out])).toEqual({
      code: 0,
      output: `Wrote ${out} from ${openapi}`,
    })
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(fixture('petstore.d.ts'), 'utf8'))
  })

  it('prints usage for --help, missing arguments and unknown flags, and errors with exit 1', () => {
    expect(run(['--help'])).toMatchObject({ code: 0, output: expect.stringMatching(/^Usage:/) })
    expect(run([fixture('shapes.ts')])).toMatchObject({ code: 2, output: expect.stringMatching(/^Usage:/) })
    expect(run(['--openapi', 'x.json', 'app.ts', '--out', 'x'])).toMatchObject({ code: 2 })
    expect(run(['--nope'])).toMatchObject({
      code: 2,
      output: expect.stringMatching(/Unknown option '--nope'/),
    })
    expect(run(['--openapi', fixture('missing.json'), '--out', 'x.d.ts'])).toMatchObject({
      code: 1,
      output: expect.stringMatching(/^openspeed-contract: ENOENT/),
    })
  })
})
