// Type-check cost of a client typed from GitHub's REST API description (`@octokit/openapi`, ~800
// paths): the contract is generated with `@openspeed/client/openapi`, then one file makes natural
// calls (the path inferred from the string) and one only reads a type from the contract, for
// reference. Medians over interleaved rounds; `--quick` runs once and writes nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatNumber, machine, packageVersions, withLock } from '@openspeed/bench-shared'
import { generateClientTypes } from '@openspeed/client/openapi'
import { checkVariant, formatTable, medianRows, writeTsconfigs } from './_tsc.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const work = join(here, '.work', 'github')
const require = createRequire(import.meta.url)
const quick = process.argv.includes('--quick')
const rounds = quick ? 1 : Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.slice(9) ?? 5)

const calls = `
import { createClient } from '@openspeed/client'
import type { Paths } from './github.d.ts'
const api = createClient<Paths>('https://api.github.com')
export async function run(): Promise<void> {
  const repo = await api.get('/repos/{owner}/{repo}', { params: { owner: 'octokit', repo: 'rest.js' } })
  if (repo.status === 200) console.log(repo.data.full_name)
  const issues = await api.get('/repos/{owner}/{repo}/issues', { params: { owner: 'o', repo: 'r' }, query: { state: 'open', per_page: 10 } })
  if (issues.status === 200) console.log(issues.data[0]?.title)
  const created = await api.post('/repos/{owner}/{repo}/issues', { params: { owner: 'o', repo: 'r' }, json: { title: 'Bug' } })
  if (created.status === 201) console.log(created.data.number)
  const user = await api.get('/users/{username}', { params: { username: 'octocat' } })
  if (user.ok) console.log(user.data.login)
  const pulls = await api.get('/repos/{owner}/{repo}/pulls', { params: { owner: 'o', repo: 'r' }, query: { state: 'closed' } })
  if (pulls.status === 200) console.log(pulls.data.length)
  await api.delete('/repos/{owner}/{repo}/issues/comments/{comment_id}', { params: { owner: 'o', repo: 'r', comment_id: 1 } })
  // @ts-expect-error: repo is missing
  await api.get('/repos/{owner}/{repo}', { params: { owner: 'octokit' } })
  // @ts-expect-error: state is an enum
  await api.get('/repos/{owner}/{repo}/issues', { params: { owner: 'o', repo: 'r' }, query: { state: 'sideways' } })
}
`
const variants = [
  { name: 'contract only (reads one type, for reference)', file: 'types-only.ts' },
  { name: 'client, 6 natural calls + 2 wrong ones', file: 'client.ts' },
]

function writeProject() {
  mkdirSync(work, { recursive: true })
  const document = JSON.parse(
    readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
  )
  const started = performance.now()
  const contract = generateClientTypes(document)
  const generateMs = performance.now() - started
  writeFileSync(join(work, 'github.d.ts'), contract)
  writeFileSync(join(work, 'client.ts'), calls)
  writeFileSync(
    join(work, 'types-only.ts'),
    "import type { Paths } from './github.d.ts'\nexport type Name = Paths['/repos/{owner}/{repo}']['get']['output']['full_name']\n",
  )
  writeTsconfigs(work, variants)
  const paths = Object.keys(document.paths).length
  return { generateMs, contractBytes: contract.length, paths, version: document.info.version }
}

async function main() {
  const project = writeProject()
  const samples = new Map(variants.map((variant) => [variant.name, []]))
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse()
    for (const variant of order) samples.get(variant.name).push(checkVariant(work, variant))
  }
  const rows = medianRows(variants, samples)

  const table = formatTable(rows)
  const summary = `GitHub REST API ${project.version}: ${project.paths} paths; contract generated in ${(project.generateMs / 1000).toFixed(1)} s (${formatNumber(project.contractBytes / 1024)} KB).`
  console.log(`${table}\n\n${summary}`)
  if (quick) return
  const facts = machine()
  const versions = packageVersions(here, ['typescript', '@octokit/openapi'])
  mkdirSync(join(here, 'results'), { recursive: true })
  writeFileSync(
    join(here, 'results/github.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: facts, versions, rounds, ...project, rows }, null, 2)}\n`,
  )
  const readme = readFileSync(join(here, 'README.md'), 'utf8')
  const section = `<!-- github:start -->\n${table}\n\n${summary}\n\nMedian of ${rounds} rounds; ${facts.cpu} (${facts.cores} cores, load average ${facts.loadAverage[0]} at the end), Node ${process.versions.node}, TypeScript ${versions.typescript ?? '?'}.\n<!-- github:end -->`
  writeFileSync(
    join(here, 'README.md'),
    readme.replace(/<!-- github:start -->[\s\S]*<!-- github:end -->/, section),
  )
}

await withLock('types', main)
