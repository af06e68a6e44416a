// compress() cost per KB: each coding of each build answers the same JSON bodies through
// app.request(); after every answer is checked to decode back to the body, mitata times them and
// the identity run (compress() installed, client asking for no coding) is subtracted.
// `--quick` checks the round trips only. Results go to results/compress.json, never RESULTS.md.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as zlib from 'node:zlib'
import { formatNumber, machine, median, withLock } from '@openspeed/bench-shared'
import { OpenSpeed } from '@openspeed/core'
import { compress as nodeCompress } from '@openspeed/middleware/compress'
import { bench, do_not_optimize, run } from 'mitata'

const quick = process.argv.includes('--quick')
const require = createRequire(import.meta.url)
const distDir = join(dirname(require.resolve('@openspeed/middleware/package.json')), 'dist')
// Node resolves the `node` condition; the portable CompressionStream build is loaded by path
const { compress: webCompress } = await import(pathToFileURL(join(distDir, 'compress', 'index.js')).href)

const sizes = [1, 16, 128]
const body = (kb) => {
  const rows = []
  let text = '[]'
  for (let i = 0; text.length < kb * 1024; i++) {
    rows.push({
      id: i,
      name: `customer ${i}`,
      email: `user${i}@example.com`,
      active: i % 3 === 0,
      score: (i * 37) % 101,
    })
    text = JSON.stringify(rows)
  }
  return text.slice(0, kb * 1024 - 1) + ']'
}
const bodies = Object.fromEntries(sizes.map((kb) => [kb, body(kb)]))
const decoders = {
  gzip: zlib.gunzipSync,
  deflate: zlib.inflateSync,
  br: zlib.brotliDecompressSync,
  zstd: zlib.zstdDecompressSync,
}

function appFor(compress) {
  const app = new OpenSpeed().use(compress({ threshold: 0 }))
  for (const kb of sizes)
    app.get(`/${kb}`, (c) => c.body(bodies[kb], 200, { 'content-type': 'application/json' }))
  return app
}

const builds = { 'node:zlib': appFor(nodeCompress), CompressionStream: appFor(webCompress) }
const codings = ['identity', 'zstd', 'br', 'gzip', 'deflate']
const cases = []
const problems = []
for (const [build, app] of Object.entries(builds)) {
  for (const coding of codings) {
    for (const kb of sizes) {
      const response = await app.request(`/${kb}`, { headers: { 'accept-encoding': coding } })
      const got = response.headers.get('content-encoding') ?? 'identity'
      const bytes = new Uint8Array(await response.arrayBuffer())
      if (got !== coding) {
        if (kb === sizes[0])
          console.log(`${build}: ${coding} not available on Node ${process.versions.node}, skipped`)
        break
      }
      const decoded = coding === 'identity' ? Buffer.from(bytes) : decoders[coding](bytes)
      if (decoded.toString() !== bodies[kb]) problems.push(`${build} ${coding} ${kb} KB: does not round-trip`)
      cases.push({ build, coding, kb, app, ratio: bytes.byteLength / bodies[kb].length })
    }
  }
}
for (const problem of problems) console.log(`wrong: ${problem}`)
console.log(`${cases.length} cases checked: ${problems.length} wrong`)
if (quick || problems.length > 0) process.exit(problems.length > 0 ? 1 : 0)

const rounds = 3
const order = []
for (let round = 0; round < rounds; round++) {
  // rotate the order each round so slow drift of the machine hits every case alike
  const rotated = cases.slice(round * 5).concat(cases.slice(0, round * 5))
  for (const item of rotated) {
    const init = { headers: { 'accept-encoding': item.coding } }
    const path = `/${item.kb}`
    order.push(item)
    bench(`${item.build} ${item.coding} ${item.kb} KB #${round}`, async () => {
      const response = await item.app.request(path, init)
      do_not_optimize(await response.arrayBuffer())
    })
  }
}
const { benchmarks } = await withLock('compress', () => run({ colors: process.stdout.isTTY }))
const times = new Map()
benchmarks.forEach((trial, i) => {
  const item = order[i]
  times.set(item, [...(times.get(item) ?? []), trial.runs[0].stats.avg])
})
const find = (build, coding, kb) =>
  cases.find((item) => item.build === build && item.coding === coding && item.kb === kb)
const rows = cases.map((item) => {
  const ns = median(times.get(item))
  const base = median(times.get(find(item.build, 'identity', item.kb)))
  const perKbUs = item.coding === 'identity' ? null : (ns - base) / item.kb / 1000
  return { build: item.build, coding: item.coding, kb: item.kb, ns, perKbUs, ratio: item.ratio }
})
console.log('\n| build | coding | body | µs / request | µs per KB over identity | compressed size |')
console.log('| --- | --- | --- | --- | --- | --- |')
for (const row of rows) {
  const perKb = row.perKbUs === null ? '—' : formatNumber(row.perKbUs, 2)
  console.log(
    `| ${row.build} | ${row.coding} | ${row.kb} KB | ${formatNumber(row.ns / 1000, 1)} | ${perKb} | ${(row.ratio * 100).toFixed(1)}% |`,
  )
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
writeFileSync(
  new URL('./results/compress.json', import.meta.url),
  `${JSON.stringify({ machine: machine(), node: process.versions.node, rows }, null, 2)}\n`,
)
