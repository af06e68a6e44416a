// Type-check time of a typed client for a 200-route app, with `createClient<typeof app>` and with
// a contract emitted by `openspeed-contract`. Runs `tsc --extendedDiagnostics` on each variant,
// interleaved over rounds, and reports medians. `--quick` runs each variant once and only checks
// that all of them compile (including the expected type errors).
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatNumber, machine, median, packageVersions, withLock } from '@openspeed/bench-shared'
import { emitContract } from '@openspeed/client/contract'
import { appSource, clientSource, routeCount } from './app-source.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const work = join(here, '.work')
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
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
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    types: [],
  }
  for (const variant of variants) {
    const config = { compilerOptions, files: [variant.file] }
    writeFileSync(join(work, `tsconfig.${variant.file}.json`), `${JSON.stringify(config, null, 2)}\n`)
  }
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

function check(variant) {
  let output
  try {
    output = execFileSync(
      process.execPath,
      [tsc, '-p', `tsconfig.${variant.file}.json`, '--extendedDiagnostics'],
      {
        cwd: work,
        encoding: 'utf8',
      },
    )
  } catch (error) {
    throw new Error(`${variant.name} does not type-check:\n${error.stdout}`)
  }
  const read = (label) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output)?.[1])
  return {
    checkS: read('Check time'),
    totalS: read('Total time'),
    types: read('Types'),
    instantiations: read('Instantiations'),
    memoryK: read('Memory used'),
  }
}

async function main() {
  const { emitMs, contractBytes } = writeProject()
  const samples = new Map(variants.map((variant) => [variant.name, []]))
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, index) => variants[(index + round) % variants.length])
    for (const variant of order) samples.get(variant.name).push(check(variant))
  }
  const rows = variants.map((variant) => {
    const runs = samples.get(variant.name)
    const pick = (key) => median(runs.map((run) => run[key]))
    return {
      variant: variant.name,
      ...Object.fromEntries(Object.keys(runs[0]).map((key) => [key, pick(key)])),
    }
  })
  const base = rows[1]
  const table = [
    '| variant | check time (s) | total time (s) | types | instantiations | memory (MB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.variant} | ${row.checkS.toFixed(2)} | ${row.totalS.toFixed(2)} | ${formatNumber(row.types)} | ${formatNumber(row.instantiations)} | ${formatNumber(row.memoryK / 1024)} |`,
    ),
  ].join('\n')
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
