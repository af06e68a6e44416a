// HTTP benchmark runner: every server, every scenario, interleaved rounds, answers verified
// before anything is measured. `node run.mjs --help` lists the options.
import { mkdirSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { machine, packageVersions, withLock, writeSection } from '@openspeed/bench-shared'
import { measure } from './lib/measure.mjs'
import { summarize, toMarkdown } from './lib/report.mjs'
import { bunServers, findBun, hasCommand, nodeServers, startServer } from './lib/servers.mjs'
import { verify } from './lib/verify.mjs'
import { scenarios } from './scenarios.mjs'

// `pnpm bench -- --flag` hands the `--` through; drop it
const { values: options } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    servers: { type: 'string' },
    scenarios: { type: 'string' },
    'bun-scenarios': { type: 'string', default: 'text,param,real-world' },
    bun: { type: 'boolean', default: true },
    help: { type: 'boolean', default: false },
  },
  allowNegative: true,
})
if (options.help) {
  console.log(`node run.mjs [--quick] [--rounds=3] [--seconds=5] [--warmup=2] [--servers=a,b]
  [--scenarios=text,param,...] [--bun-scenarios=text,param,real-world] [--no-bun]
--quick: one 1 s round, no warm-up; only checks every server answers right (exit 1 if not).`)
  process.exit(0)
}
const quick = options.quick
const config = {
  rounds: quick ? 1 : Number(options.rounds),
  seconds: quick ? 1 : Number(options.seconds),
  warmup: quick ? 0 : Number(options.warmup),
}
const pick = (list, csv, key = 'name') => (csv ? list.filter((x) => csv.split(',').includes(x[key])) : list)
const nodeScenarios = pick(scenarios, options.scenarios)
const bunScenarios = pick(nodeScenarios, options['bun-scenarios'])

const hasWrk = hasCommand('wrk')
const pin = hasCommand('taskset')
if (!hasWrk) {
  const message = 'wrk is not installed: `apt-get update && apt-get install -y wrk` (Debian/Ubuntu).'
  if (!quick) {
    console.error(`error: ${message}`)
    process.exit(1)
  }
  console.warn(`warning: ${message} Checking answers only.`)
}
if (!pin) console.warn('warning: taskset is missing (util-linux); server and wrk are not pinned to CPUs.')

const notes = []
const bun = options.bun ? findBun() : { error: 'skipped with --no-bun' }
if (bun.error) notes.push(`Bun servers skipped: ${bun.error}.`)
const plan = [
  ...nodeScenarios.flatMap((s) =>
    pick(nodeServers, options.servers).map((v) => ({ scenario: s, server: v })),
  ),
  ...(bun.error ? [] : bunScenarios.flatMap((s) => bunServers.map((v) => ({ scenario: s, server: v })))),
]
const perRun = config.seconds + config.warmup + 1
console.log(
  `${plan.length} server×scenario cells × ${config.rounds} rounds ≈ ` +
    `${Math.ceil((plan.length * config.rounds * perRun) / 60)} min`,
)

const runs = []
const disqualified = []
const isOut = (s, v) =>
  disqualified.some((d) => d.runtime === v.runtime && d.server === v.name && d.scenario === s.name)
let port = 3100

async function runOne(round, scenario, server) {
  if (isOut(scenario, server)) return
  const label =
    `[${round}/${config.rounds}] ${scenario.name.padEnd(11)} ${server.runtime}/${server.name}`.padEnd(42)
  const out = (reason) => {
    disqualified.push({ runtime: server.runtime, server: server.name, scenario: scenario.name, reason })
    console.log(`${label} DISQUALIFIED: ${reason}`)
  }
  let handle
  try {
    handle = await startServer(server, { port: port++, cpu: 0, pin, bun: bun.binary })
  } catch (error) {
    const why = `did not start: ${error.message.replaceAll('\n', ' ')}`
    for (const s of server.runtime === 'bun' ? bunScenarios : nodeScenarios) if (!isOut(s, server)) out(why)
    return
  }
  try {
    const wrong = await verify(handle.url, scenario)
    if (wrong) return out(wrong)
    if (!hasWrk) return console.log(`${label} answers correctly`)
    const run = await measure(handle, scenario, round, { ...config, pin })
    runs.push({ round, runtime: server.runtime, server: server.name, scenario: scenario.name, ...run })
    const rps = Math.round(run.rps).toLocaleString('en-US').padStart(8)
    const cpu = run.cpuBusy === null ? '' : `  CPU 0 ${Math.round(run.cpuBusy * 100)}% busy`
    console.log(
      `${label} ${rps} req/s  p50 ${run.p50.toFixed(2)} ms  p99 ${run.p99.toFixed(2)} ms${cpu} ${run.flags.join('; ')}`,
    )
  } finally {
    await handle.stop()
  }
}

const machineInfo = machine()
await withLock('http', async () => {
  for (let round = 1; round <= config.rounds; round++) {
    for (const [runtime, list] of [
      ['node', nodeScenarios],
      ['bun', bunScenarios],
    ]) {
      for (const scenario of list) {
        const servers = plan
          .filter((p) => p.scenario === scenario && p.server.runtime === runtime)
          .map((p) => p.server)
        const shift = (round - 1) % Math.max(servers.length, 1)
        for (const server of [...servers.slice(shift), ...servers.slice(0, shift)])
          await runOne(round, scenario, server)
      }
    }
  }
})
config.loadAfter = machine().loadAverage

for (const d of disqualified) console.log(`disqualified: ${d.runtime}/${d.server} ${d.scenario}: ${d.reason}`)
if (quick || !hasWrk) {
  console.log(
    disqualified.length === 0
      ? 'every server answered every scenario correctly'
      : `${disqualified.length} wrong`,
  )
  process.exit(disqualified.length === 0 ? 0 : 1)
}

const packageDir = new URL('.', import.meta.url).pathname
const names = [
  '@openspeed/core',
  '@openspeed/adapters-node',
  'fastify',
  'hono',
  '@hono/node-server',
  'h3',
  'express',
  'elysia',
  '@elysiajs/node',
  'zod',
]
const versions = { ...packageVersions(packageDir, names), bun: bun.version ?? null }
const rows = summarize(
  plan.map((p) => ({ runtime: p.server.runtime, scenario: p.scenario.name, server: p.server.name })),
  runs,
  disqualified,
)
mkdirSync(new URL('results/', import.meta.url), { recursive: true })
const json = {
  machine: machineInfo,
  versions,
  config,
  scenarios: nodeScenarios.map((s) => s.name),
  summary: rows,
  disqualified,
  runs,
  notes,
}
writeFileSync(new URL('results/latest.json', import.meta.url), `${JSON.stringify(json, null, 2)}\n`)
const file = writeSection(
  'http',
  toMarkdown({
    machine: machineInfo,
    versions,
    config,
    rows,
    runs,
    scenarios: nodeScenarios,
    bunScenarios,
    notes,
  }),
)
console.log(`wrote results/latest.json and the HTTP section of ${file}`)
