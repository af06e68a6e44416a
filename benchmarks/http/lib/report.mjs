import { formatNumber, geomean, median } from '@openspeed/bench-shared'
import { basicScenarios } from '../scenarios.mjs'

const baselines = { node: { raw: 'node:http', peer: 'fastify' }, bun: { raw: 'Bun.serve', peer: null } }

/**
 * One row per planned (runtime, scenario, server): medians over the runs that answered with the
 * right statuses, the flags raised, and the reason when the server was disqualified.
 */
export function summarize(plan, runs, disqualified) {
  const rows = []
  for (const { runtime, scenario, server } of plan) {
    const mine = runs.filter((r) => r.runtime === runtime && r.scenario === scenario && r.server === server)
    const samples = mine.filter((r) => r.countable)
    const flags = mine.flatMap((r) => r.flags)
    const dq = disqualified.find(
      (d) => d.runtime === runtime && d.server === server && d.scenario === scenario,
    )
    rows.push({
      runtime,
      scenario,
      server,
      rounds: samples.length,
      rps: dq ? Number.NaN : median(samples.map((s) => s.rps)),
      p50: dq ? Number.NaN : median(samples.map((s) => s.p50)),
      p99: dq ? Number.NaN : median(samples.map((s) => s.p99)),
      cpuBusy: median(samples.map((s) => s.cpuBusy ?? Number.NaN)),
      flags: [...new Set(flags)],
      disqualified: dq?.reason ?? null,
    })
  }
  for (const row of rows) {
    const base = baselines[row.runtime]
    const find = (name) =>
      rows.find((r) => r.runtime === row.runtime && r.scenario === row.scenario && r.server === name)
    row.vsRaw = row.rps / (find(base.raw)?.rps ?? Number.NaN)
    row.vsPeer = base.peer ? row.rps / (find(base.peer)?.rps ?? Number.NaN) : Number.NaN
  }
  return rows
}

const f2 = (v) => formatNumber(v, 2)
const ms = (v) => formatNumber(v, 2)

function detailTable(rows, runtime, scenarios) {
  const base = baselines[runtime]
  const peer = base.peer ? ` × ${base.peer} |` : ''
  const lines = [
    `| Scenario | Server | req/s | × ${base.raw} |${peer} p50 ms | p99 ms | CPU 0 busy | notes |`,
    `| --- | --- | ---: | ---: |${base.peer ? ' ---: |' : ''} ---: | ---: | ---: | --- |`,
  ]
  for (const scenario of scenarios) {
    for (const row of rows.filter((r) => r.runtime === runtime && r.scenario === scenario.name)) {
      const notes = row.disqualified ? `disqualified: ${row.disqualified}` : row.flags.join('; ')
      const peerCell = base.peer ? ` ${f2(row.vsPeer)} |` : ''
      lines.push(
        `| ${scenario.title} | ${row.server} | ${formatNumber(row.rps)} | ${f2(row.vsRaw)} |${peerCell} ${ms(row.p50)} | ${ms(row.p99)} | ${formatNumber(row.cpuBusy * 100)}% | ${notes.replaceAll('|', '\\|')} |`,
      )
    }
  }
  return lines.join('\n')
}

function ratioMatrix(rows, runtime, scenarios) {
  const servers = [...new Set(rows.filter((r) => r.runtime === runtime).map((r) => r.server))]
  const basics = scenarios.filter((s) => basicScenarios.includes(s.name))
  const withGeomean = basics.length === basicScenarios.length
  const head = `| Server | ${scenarios.map((s) => s.title).join(' | ')} |${withGeomean ? ' geomean (6 basic) |' : ''}`
  const lines = [head, `| --- |${' ---: |'.repeat(scenarios.length + (withGeomean ? 1 : 0))}`]
  for (const server of servers) {
    const ratio = (name) =>
      rows.find((r) => r.runtime === runtime && r.server === server && r.scenario === name)?.vsRaw
    const cells = scenarios.map((s) => f2(ratio(s.name)))
    const gm = withGeomean ? ` ${f2(geomean(basics.map((s) => ratio(s.name))))} |` : ''
    lines.push(`| ${server} | ${cells.join(' | ')} |${gm}`)
  }
  return lines.join('\n')
}

/** The RESULTS.md section for one HTTP run. */
export function toMarkdown({ machine, versions, config, rows, runs, scenarios, bunScenarios, notes }) {
  const retried = runs.filter((r) => r.retries > 0).length
  const contended = runs.filter((r) => r.flags.some((f) => f.includes('CPU 0 taken'))).length
  const out = [
    '## HTTP',
    '',
    `Run ${machine.date} on ${machine.cpu} (${machine.cores} cores, load ${machine.loadAverage.join(' / ')} at start, ` +
      `${config.loadAfter.join(' / ')} at end), Node ${machine.node}${versions.bun ? `, Bun ${versions.bun}` : ''}, ${machine.wrk}.`,
    `${config.rounds} interleaved rounds × ${config.seconds} s per run after ${config.warmup} s warm-up; server on CPU 0, ` +
      'wrk (`-t1 -c64`) on CPU 1. req/s, p50 and p99 are medians over rounds; ratios are ratios of those medians. ' +
      `${retried} of ${runs.length} runs were measured again because other processes took over 10% of CPU 0 ` +
      `(${contended} still contended after a retry, flagged). CPU 0 busy: how much of the server's CPU was in use ` +
      '(well under 100% means the load generator, not the server, was the limit).',
    '',
    `Versions: ${Object.entries(versions)
      .map(([name, v]) => `${name} ${v}`)
      .join(', ')}.`,
    '',
    '### Node: ratio to node:http',
    '',
    ratioMatrix(rows, 'node', scenarios),
    '',
    '### Node: details',
    '',
    detailTable(rows, 'node', scenarios),
  ]
  if (rows.some((r) => r.runtime === 'bun')) {
    out.push('', '### Bun: ratio to Bun.serve', '', ratioMatrix(rows, 'bun', bunScenarios))
    out.push('', '### Bun: details', '', detailTable(rows, 'bun', bunScenarios))
  }
  if (notes.length > 0) out.push('', '### Notes', '', ...notes.map((n) => `- ${n}`))
  return out.join('\n')
}
