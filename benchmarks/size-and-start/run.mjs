// Bundle size and cold start of a hello app per framework. `--quick`: one start per app.
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  formatNumber,
  machine,
  median,
  packageVersions,
  withLock,
  writeSection,
} from '@openspeed/bench-shared'
import { bundle } from './bundle.mjs'
import { coldStart } from './cold-start.mjs'

const quick = process.argv.includes('--quick')
const starts = quick ? 1 : 5
const here = (path) => fileURLToPath(new URL(path, import.meta.url))

/** Fetch apps (`export default app`, no server): what a Workers/Bun/Deno deploy ships. */
const fetchApps = [
  { name: 'openspeed (@openspeed/core)', file: 'openspeed-fetch' },
  { name: 'hono', file: 'hono-fetch' },
  { name: 'hono/tiny', file: 'hono-tiny-fetch' },
  { name: 'h3', file: 'h3-fetch' },
]
/** Node servers: the app plus each framework's own Node serving code. */
const nodeApps = [
  { name: 'node:http (floor)', file: 'node-http-node' },
  { name: 'openspeed + adapters-node', file: 'openspeed-node' },
  { name: 'hono + @hono/node-server', file: 'hono-node' },
  { name: 'h3 (serve, srvx)', file: 'h3-node' },
  { name: 'fastify', file: 'fastify-node' },
]

const failures = []
async function measure(app, platform) {
  const entry = here(`apps/${app.file}.mjs`)
  const outfile = here(`dist/${app.file}.mjs`)
  const row = { name: app.name, platform, ...(await bundle(entry, outfile, platform)) }
  if (platform !== 'node') {
    console.log(`${app.name}: ${row.bytes} B, ${row.gzip} B gzip`)
    return row
  }
  for (const [key, file] of [
    ['bundled', outfile],
    ['unbundled', entry],
  ]) {
    const times = []
    for (let i = 0; i < starts; i++) {
      try {
        times.push(await coldStart(file, 3300 + i, 'Hello, World!'))
      } catch (error) {
        failures.push(`${app.name} (${key}): ${error.message}`)
        break
      }
    }
    row[key] = times.length === starts ? median(times) : Number.NaN
  }
  console.log(
    `${app.name}: ${row.bytes} B, ${row.gzip} B gzip, start ${row.bundled?.toFixed(1)} / ${row.unbundled?.toFixed(1)} ms`,
  )
  return row
}

const machineInfo = machine()
const rows = await withLock('size-and-start', async () => {
  const out = []
  for (const app of fetchApps) out.push(await measure(app, 'neutral'))
  for (const app of nodeApps) out.push(await measure(app, 'node'))
  return out
})
for (const failure of failures) console.log(`failed: ${failure}`)
if (quick) process.exit(failures.length === 0 ? 0 : 1)

const kb = (bytes) => formatNumber(bytes / 1024, 1)
const versions = packageVersions(here('.'), [
  '@openspeed/core',
  '@openspeed/adapters-node',
  'hono',
  '@hono/node-server',
  'h3',
  'fastify',
  'esbuild',
])
const markdown = [
  '## Size and cold start',
  '',
  `Run ${machineInfo.date} on ${machineInfo.cpu}, Node ${machineInfo.node}. A hello app (\`GET /\` → "Hello, World!") ` +
    `bundled by esbuild ${versions.esbuild} (minified ESM, target node20); gzip is level 9. Cold start: spawn \`node\` to the ` +
    `first 200 on \`GET /\`, median of ${starts}, for the bundle and for the unbundled app resolving node_modules.`,
  '',
  '### Fetch app (`export default app`, platform neutral, no server)',
  '',
  '| App | KiB | gzip KiB |',
  '| --- | ---: | ---: |',
  ...rows
    .filter((r) => r.platform === 'neutral')
    .map((r) => `| ${r.name} | ${kb(r.bytes)} | ${kb(r.gzip)} |`),
  '',
  '### Node server (platform node)',
  '',
  '| App | KiB | gzip KiB | cold start, bundle (ms) | cold start, node_modules (ms) |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...rows
    .filter((r) => r.platform === 'node')
    .map(
      (r) =>
        `| ${r.name} | ${kb(r.bytes)} | ${kb(r.gzip)} | ${formatNumber(r.bundled, 1)} | ${formatNumber(r.unbundled, 1)} |`,
    ),
  '',
  `Versions: ${Object.entries(versions)
    .map(([n, v]) => `${n} ${v}`)
    .join(', ')}.`,
  ...failures.map((f) => `- failed: ${f}`),
].join('\n')
mkdirSync(here('results'), { recursive: true })
writeFileSync(
  here('results/size-and-start.json'),
  `${JSON.stringify({ machine: machineInfo, versions, rows, failures }, null, 2)}\n`,
)
console.log(
  `wrote results/size-and-start.json and the size section of ${writeSection('size-and-start', markdown)}`,
)
