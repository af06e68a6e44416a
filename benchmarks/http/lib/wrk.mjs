import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../wrk/request.lua', import.meta.url))
const toMs = { us: 1e-3, ms: 1, s: 1000, m: 60_000 }

function latency(text, percentile) {
  const match = new RegExp(`^\\s*${percentile}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(text)
  return match ? Number(match[1]) * toMs[match[2]] : Number.NaN
}

/** Pulls req/s, p50/p99 (ms), request count, non-2xx/3xx count and socket errors out of wrk's output. */
export function parseWrk(text) {
  const number = (re) => Number(re.exec(text)?.[1] ?? Number.NaN)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text)
  return {
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    p50: latency(text, 50),
    p99: latency(text, 99),
    requests: number(/(\d+) requests in/),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/) || 0,
    socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  }
}

/**
 * Runs wrk (one thread, 64 connections) against `url + scenario.path`, pinned to `cpu` when
 * `pin` is set. Method, headers and body go through wrk/request.lua via environment variables.
 */
export function runWrk(url, scenario, { seconds, cpu, pin, connections = 64 }) {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency']
  const env = { ...process.env }
  if (scenario.method !== 'GET' || scenario.headers || scenario.body) {
    args.push('-s', script)
    env.WRK_METHOD = scenario.method
    env.WRK_BODY = scenario.body ?? ''
    env.WRK_HEADERS = Object.entries(scenario.headers ?? {})
      .map(([name, value]) => `${name}: ${value}\n`)
      .join('')
  }
  args.push(url + scenario.path)
  const [command, argv] = pin ? ['taskset', ['-c', String(cpu), 'wrk', ...args]] : ['wrk', args]
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      out += chunk
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`wrk exited with ${code}: ${out.trim()}`))
      else resolve({ ...parseWrk(out), raw: out })
    })
  })
}
