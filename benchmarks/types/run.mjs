// Type-check time of a typed client for a 200-route app, with `createClient<typeof app>` and with
// a contract emitted by `openspeed-contract`. Runs `tsc --extendedDiagnostics` on each variant,
// interleaved over rounds, and reports medians. `--quick` runs each variant once and only checks
// that all of them compile (including the expected type errors).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatNumber, machine, packageVersions, withLock } from '@openspeed/bench-shared'
import { emitContract } from '@openspeed/client/contract'
import { checkVariant, formatTable, medianRows, writeTsconfigs } from './_tsc.mjs'
import { appSource, clientSource, routeCount } from './app-source.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const work = join(here, '.work')
const quick = process.argv.includes('--quick')
const rounds = quick ? 1 : Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.slice(9) ?? 5)

const variants = [
  { name: 'app only (server side, for reference)', file: 'app.ts' },
  { name: 'client, createClient<typeof app>', file: 'client-app.ts' },
  { name: 'client, createClient<Contract>', file: 'client-contract.ts' },
]

function writeProject() {
  mkdirSync(work, { recursive: true })
  writeFileSync(join(work, 'app.ts'), appSource())
  writeFileSync(join(work, 'client-app.ts'), clientSource("import type { App } from './app.ts'", 'App'))
  writeFileSync(
    join(work, 'client-contract.ts'),
    clientSource("import type { Contract } from './contract.d.ts'", 'Contract'),
  )
  writeTsconfigs(work, variants)
  const started = performance.now()
  const { routes } = emitContract({
    entry: join(work, 'app.ts'),
    exportName: 'App',
    out: join(work, 'contract.d.ts'),
    tsconfig: join(work, 'tsconfig.app.ts.json'),
  })
  if (routes !== routeCount) throw new Error(`the contract lists ${routes} routes, expected ${routeCount}`)
  return {
    emitMs: performance.now() - started,
    contractBytes: readFileSync(join(work, 'contract.d.ts')).length,
  }
}

async function main() {
  const { emitMs, contractBytes } = writeProject()
  const samples = new Map(variants.map((variant) => [variant.name, []]))
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, index) => variants[(index + round) % variants.length])
    for (const variant of order) samples.get(variant.name).push(checkVariant(work, variant))
  }
  const rows = medianRows(variants, samples)

  const base = rows[1]
  const table = formatTable(rows)
  const summary =
    `${routeCount} routes; contract emitted in ${(emitMs / 1000).toFixed(1)} s (${formatNumber(contractBytes / 1024)} KB). ` +
    `With the contract the client checks ${(base.checkS / rows[2].checkS).toFixed(1)}× faster ` +
    `(total ${(base.totalS / rows[2].totalS).toFixed(1)}×), with ${(base.instantiations / Math.max(rows[2].instantiations, 1)).toFixed(0)}× fewer type instantiations.`
  console.log(`${table}\n\n${summary}`)
  if (quick) return
  const facts = machine()
  const versions = packageVersions(here, ['typescript', 'zod'])
  mkdirSync(join(here, 'results'), { recursive: true })
  writeFileSync(
    join(here, 'results/types.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: facts, versions, rounds, emitMs, rows }, null, 2)}\n`,
  )
  const readme = readFileSync(join(here, 'README.md'), 'utf8')
  const section = `<!-- results:start -->\n${table}\n\n${summary}\n\nMedian of ${rounds} rounds; ${facts.cpu} (${facts.cores} cores, load average ${facts.loadAverage[0]} at the end), Node ${process.versions.node}, TypeScript ${versions.typescript ?? '?'}. Times move with machine load; type, instantiation and memory counts do not.\n<!-- results:end -->`
  writeFileSync(
    join(here, 'README.md'),
    readme.replace(/<!-- results:start -->[\s\S]*<!-- results:end -->/, section),
  )
}

await withLock('types', main)
