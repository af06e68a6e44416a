import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateClientTypes, type OpenApiDocument } from '../src/openapi/index.ts'
import { clientEntry } from './_compile.ts'

const require = createRequire(import.meta.url)
const github = JSON.parse(
  readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
) as OpenApiDocument
// a generous ceiling, not a benchmark: benchmarks/types records the real numbers
const kMemoryBudgetMb = 1024

// real operations of GitHub's REST API, called the natural way (the path inferred from the string)
const consumer = `
import { createClient } from '${clientEntry}'
import type { Paths } from './github.d.ts'
const api = createClient<Paths>('https://api.github.com')
export async function run(): Promise<void> {
  const repo = await api.get('/repos/{owner}/{repo}', { params: { owner: 'octokit', repo: 'rest.js' } })
  if (repo.status === 200) { const name: string = repo.data.full_name; void name }
  if (repo.status === 404) { const message: string | undefined = repo.problem.message; void message }
  const issues = await api.get('/repos/{owner}/{repo}/issues', {
    params: { owner: 'octokit', repo: 'rest.js' },
    query: { state: 'open', per_page: 10, labels: 'bug' },
  })
  if (issues.status === 200) { const title: string = issues.data[0]!.title; void title }
  const created = await api.post('/repos/{owner}/{repo}/issues', {
    params: { owner: 'octokit', repo: 'rest.js' },
    json: { title: 'Found a bug', labels: ['bug'] },
  })
  if (created.status === 201) { const number: number = created.data.number; void number }
  const user = await api.get('/users/{username}', { params: { username: 'octocat' } })
  if (user.ok) { const login: string = user.data.login; void login }
  await api.delete('/repos/{owner}/{repo}/issues/comments/{comment_id}', {
    params: { owner: 'octokit', repo: 'rest.js', comment_id: 1 },
  })
  // @ts-expect-error: repo is missing
  await api.get('/repos/{owner}/{repo}', { params: { owner: 'octokit' } })
  // @ts-expect-error: state is open, closed or all
  await api.get('/repos/{owner}/{repo}/issues', { params: { owner: 'a', repo: 'b' }, query: { state: 'sideways' } })
  // @ts-expect-error: per_page is a number
  await api.get('/repos/{owner}/{repo}/issues', { params: { owner: 'a', repo: 'b' }, query: { per_page: 'many' } })
  // @ts-expect-error: an issue needs a title
  await api.post('/repos/{owner}/{repo}/issues', { params: { owner: 'a', repo: 'b' }, json: { body: 'x' } })
  // @ts-expect-error: no such path
  await api.get('/repos/{owner}/{repo}/nope', { params: { owner: 'a', repo: 'b' } })
}
`

const dir = mkdtempSync(join(tmpdir(), 'openspeed-github-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function tsc(): Promise<{ code: number; output: string }> {
  const bin = require.resolve('typescript/bin/tsc')
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, '-p', join(dir, 'tsconfig.json'), '--extendedDiagnostics'],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => resolve({ code: error === null ? 0 : Number(error.code), output: stdout }),
    )
  })
}

describe("GitHub's REST API description", () => {
  it('generates a contract for every path', () => {
    const code = generateClientTypes(github)
    expect(code).toContain('"/repos/{owner}/{repo}": {')
    expect(Object.keys(github.paths ?? {}).length).toBeGreaterThan(700)
    writeFileSync(join(dir, 'github.d.ts'), code)
  })

  it(`type-checks natural calls within ${kMemoryBudgetMb} MB, rejecting wrong ones`, async () => {
    writeFileSync(join(dir, 'consumer.ts'), consumer)
    const compilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      allowImportingTsExtensions: true,
      customConditions: ['@openspeed/source'],
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      types: [],
    }
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }))
    const { code, output } = await tsc()
    const errors = output.split('\n').filter((line) => line.includes('error TS'))
    expect(errors).toEqual([])
    expect(code).toBe(0)
    const memoryMb = Number(/^Memory used:\s+(\d+)K/m.exec(output)?.[1]) / 1024
    expect(memoryMb).toBeGreaterThan(0)
    expect(memoryMb).toBeLessThan(kMemoryBudgetMb)
  }, 300_000)
})
