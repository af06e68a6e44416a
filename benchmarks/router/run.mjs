// Router benchmark: every router checked on every lookup (and on the whole table) before mitata
// times it, in one process. `--quick` checks answers only.
import { mkdirSync, writeFileSync } from 'node:fs'
import {
  formatNumber,
  geomean,
  machine,
  median,
  packageVersions,
  withLock,
  writeSection,
} from '@openspeed/bench-shared'
import { bench, do_not_optimize, group, run } from 'mitata'
import { tableErrors, wrongAnswer } from './check.mjs'
import { routers, timedLookup } from './routers.mjs'
import { lookups, routes } from './routes.mjs'

const quick = process.argv.includes('--quick')
const built = {}
const disqualified = []
const notes = []
for (const [name, build] of Object.entries(routers)) {
  try {
    built[name] = build(routes)
  } catch (error) {
    disqualified.push({
      router: name,
      kind: '*',
      reason: `rejects the table: ${error.constructor.name}: ${error.message}`,
    })
    continue
  }
  const errors = tableErrors(built[name], routes)
  if (errors.length > 0) {
    const why = built[name].firstRegisteredWins
      ? 'resolve to an earlier-registered overlapping route (Hono picks by registration order, not specificity; documented, not counted as wrong)'
      : 'are answered wrong'
    notes.push(`${name}: ${errors.length} of ${routes.length} table paths ${why}, e.g. ${errors[0]}`)
  }
  for (const lookup of lookups) {
    const adapter = built[name]
    const result = new Function('ctx', 'm', 'p', `return ${adapter.call}`)(
      adapter.ctx,
      lookup.method,
      lookup.path,
    )
    const wrong = wrongAnswer(adapter.read, lookup, result)
    if (wrong) disqualified.push({ router: name, kind: lookup.kind, reason: wrong })
    else if (lookup.wildcard && adapter.read(result).wildcard === undefined && lookup.kind === 'wildcard')
      notes.push(`${name} does not capture what \`*\` matched, so its wildcard lookup does less work`)
  }
}
for (const d of disqualified) console.log(`disqualified: ${d.router} (${d.kind}): ${d.reason}`)
for (const note of notes) console.log(`note: ${note}`)
const isOut = (router, kind) =>
  disqualified.some((d) => d.router === router && (d.kind === '*' || d.kind === kind))
if (quick) {
  const wrong = disqualified.filter((d) => d.kind !== '*')
  console.log(
    `${routes.length} routes, ${Object.keys(routers).length} routers: ${wrong.length} wrong answers`,
  )
  process.exit(wrong.length === 0 ? 0 : 1)
}

// Three rounds, the router order rotated each round; a cell's number is the median of its
// rounds' means, so a burst of noise on a shared machine moves one sample, not the result.
const rounds = 3
const order = []
for (let round = 1; round <= rounds; round++) {
  for (const lookup of lookups) {
    const names = Object.keys(built).filter((name) => !isOut(name, lookup.kind))
    const shift = (round - 1) % names.length
    group(`${lookup.kind} (round ${round}): ${lookup.method} ${lookup.path}`, () => {
      for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
        bench(name, timedLookup(built[name], lookup.method, lookup.path, do_not_optimize))
        order.push({ kind: lookup.kind, router: name })
      }
    })
  }
}
const machineInfo = machine()
const { benchmarks } = await withLock('router', () => run({ colors: process.stdout.isTTY }))
const samples = benchmarks.map((trial, i) => ({ ...order[i], avg: trial.runs[0].stats.avg }))
const cells = []
for (const { kind, router } of samples.filter(
  (s, i) => samples.findIndex((t) => t.kind === s.kind && t.router === s.router) === i,
)) {
  const rounds = samples.filter((s) => s.kind === kind && s.router === router).map((s) => s.avg)
  cells.push({ kind, router, avg: median(rounds), rounds })
}
for (const cell of cells) {
  const fastest = Math.min(...cells.filter((c) => c.kind === cell.kind).map((c) => c.avg))
  cell.ratio = cell.avg / fastest
}

const names = Object.keys(routers)
const versions = packageVersions(new URL('.', import.meta.url).pathname, [
  '@openspeed/core',
  'find-my-way',
  'rou3',
  'memoirist',
  'hono',
  'mitata',
])
const cell = (router, kind) => cells.find((c) => c.router === router && c.kind === kind)
const table = [
  `| Router | ${lookups.map((l) => l.kind).join(' | ')} | geomean × fastest |`,
  `| --- |${' ---: |'.repeat(lookups.length + 1)}`,
  ...names.map((router) => {
    const row = lookups.map((l) => {
      const c = cell(router, l.kind)
      return c ? `${formatNumber(c.avg, 1)} ns (${formatNumber(c.ratio, 2)}×)` : 'disqualified'
    })
    const gm = geomean(lookups.map((l) => cell(router, l.kind)?.ratio))
    return `| ${router} | ${row.join(' | ')} | ${formatNumber(gm, 2)} |`
  }),
]
const markdown = [
  '## Router',
  '',
  `Run ${machineInfo.date} on ${machineInfo.cpu}, Node ${machineInfo.node}, mitata ${versions.mitata}; ` +
    `${routes.length} GitHub-API-like routes (routes.txt). ns per lookup: median over 3 rounds of mitata's mean (× the fastest for that lookup).`,
  '',
  `Lookups: ${lookups.map((l) => `${l.kind} \`${l.method} ${l.path}\``).join(', ')}.`,
  '',
  table.join('\n'),
  '',
  `Versions: ${Object.entries(versions)
    .map(([n, v]) => `${n} ${v}`)
    .join(', ')}.`,
  ...(disqualified.length + notes.length > 0
    ? [
        '',
        ...disqualified.map((d) => `- ${d.router} disqualified (${d.kind}): ${d.reason}`),
        ...notes.map((n) => `- ${n}`),
      ]
    : []),
].join('\n')
mkdirSync(new URL('results/', import.meta.url), { recursive: true })
writeFileSync(
  new URL('results/router.json', import.meta.url),
  `${JSON.stringify({ machine: machineInfo, versions, routes: routes.length, lookups, cells, disqualified, notes }, null, 2)}\n`,
)
console.log(`wrote results/router.json and the router section of ${writeSection('router', markdown)}`)
