// CPU profile of one server under load: `node profile.mjs <scenario> [server] [seconds]`, the
// server being a Node server's name or `bun/<name>`.
// Runs the server with `--cpu-prof`, warms up, loads it with wrk, then prints the functions with
// the most self time. The .cpuprofile lands in results/profiles/ (open it in Chrome DevTools).
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { withLock } from '@openspeed/bench-shared'
import { bunServers, findBun, hasCommand, nodeServers, startServer } from './lib/servers.mjs'
import { verify } from './lib/verify.mjs'
import { runWrk } from './lib/wrk.mjs'
import { scenarios } from './scenarios.mjs'

const [scenarioName = 'text', serverName = 'openspeed', seconds = '5'] = process.argv.slice(2)
const scenario = scenarios.find((s) => s.name === scenarioName)
const all = [...nodeServers, ...bunServers]
const server = all.find(
  (s) => `${s.runtime}/${s.name}` === serverName || (s.runtime === 'node' && s.name === serverName),
)
if (!scenario || !server) {
  console.error(
    `usage: node profile.mjs <${scenarios.map((s) => s.name).join('|')}> [${all.map((s) => `${s.runtime}/${s.name}`).join('|')}] [seconds]`,
  )
  process.exit(2)
}
const dir = fileURLToPath(new URL('results/profiles/', import.meta.url))
mkdirSync(dir, { recursive: true })
const pin = hasCommand('taskset')
const preload = fileURLToPath(new URL('lib/exit-on-signal.mjs', import.meta.url))
const runtimeArgs = [
  '--cpu-prof',
  `--cpu-prof-dir=${dir}`,
  server.runtime === 'bun' ? `--preload=${preload}` : `--import=${preload}`,
]
await withLock('profile', async () => {
  const handle = await startServer(server, { port: 3290, cpu: 0, pin, runtimeArgs, bun: findBun().binary })
  const wrong = await verify(handle.url, scenario)
  if (wrong) console.warn(`warning: ${server.name} answers ${scenario.name} wrong: ${wrong}`)
  await runWrk(handle.url, scenario, { seconds: 2, cpu: 1, pin })
  const result = await runWrk(handle.url, scenario, { seconds: Number(seconds), cpu: 1, pin })
  console.log(`${server.name} ${scenario.name}: ${Math.round(result.rps)} req/s under the profiler`)
  const exited = new Promise((resolve) => handle.child.once('exit', resolve))
  handle.child.kill('SIGUSR2')
  await exited
})

const newest = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => ({ f, t: statSync(dir + f).mtimeMs }))
  .sort((a, b) => b.t - a.t)[0].f
const profile = JSON.parse(readFileSync(dir + newest, 'utf8'))
const interval = (profile.endTime - profile.startTime) / profile.samples.length
const self = new Map()
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame
  const file = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/packages\//, 'packages/')
  const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`
  self.set(key, (self.get(key) ?? 0) + node.hitCount)
}
const total = profile.samples.length
console.log(`\n${newest}: ${total} samples ~${(interval / 1000).toFixed(2)} ms apart; top self time:`)
for (const [key, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${key}`)
}
