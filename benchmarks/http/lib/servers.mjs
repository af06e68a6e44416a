import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { connect } from 'node:net'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

const serversDir = fileURLToPath(new URL('../servers/', import.meta.url))
const require = createRequire(import.meta.url)

/** Node servers; `node:http` is the ceiling and `fastify` the peer every ratio is also given to. */
export const nodeServers = [
  { name: 'node:http', file: 'node-http.mjs' },
  { name: 'openspeed', file: 'openspeed.mjs' },
  { name: 'openspeed-fs', file: 'openspeed-fs.mjs' },
  { name: 'fastify', file: 'fastify.mjs' },
  { name: 'hono', file: 'hono.mjs' },
  { name: 'h3', file: 'h3.mjs' },
  { name: 'express', file: 'express.mjs' },
  { name: 'elysia', file: 'elysia.mjs' },
].map((server) => ({ ...server, runtime: 'node' }))

/** Bun servers; `Bun.serve` is the ceiling. */
export const bunServers = [
  { name: 'Bun.serve', file: 'bun-raw.mjs' },
  { name: 'openspeed', file: 'bun-openspeed.mjs' },
  { name: 'hono', file: 'bun-hono.mjs' },
  { name: 'elysia', file: 'bun-elysia.mjs' },
].map((server) => ({ ...server, runtime: 'bun' }))

/** The real Bun binary from the npm `bun` package (not pnpm's shell shim), or why it is unusable. */
export function findBun() {
  try {
    const binary = join(dirname(require.resolve('bun/package.json')), 'bin', 'bun.exe')
    if (!existsSync(binary)) return { error: `${binary} is missing` }
    const probe = spawnSync(binary, ['--version'], { encoding: 'utf8' })
    if (probe.status !== 0) return { error: `bun --version failed: ${probe.stderr || probe.error}` }
    return { binary, version: probe.stdout.trim() }
  } catch (error) {
    return { error: `the npm package bun is not installed (${error.message})` }
  }
}

/** Whether a command exists on PATH. */
export function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => resolve(socket.end() && true))
    socket.once('error', () => resolve(false))
  })
}

/** Some servers print their ready line a moment before they accept (Elysia's Node adapter). */
async function waitForPort(port, timeoutMs) {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(25))
    if (await accepts(port)) return true
  return false
}

/**
 * Starts a server pinned to `cpu` (when taskset exists) and resolves once it prints its ready
 * line, with `{ child, url, stop() }`; rejects with the server's output if it exits or stalls.
 */
export function startServer(server, { port, cpu, bun, pin, runtimeArgs = [], timeoutMs = 20_000 }) {
  const binary = server.runtime === 'bun' ? bun : process.execPath
  const args = [...runtimeArgs, join(serversDir, server.file)]
  const [command, argv] = pin ? ['taskset', ['-c', String(cpu), binary, ...args]] : [binary, args]
  const child = spawn(command, argv, {
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
    await exited
    clearTimeout(timer)
  }
  return new Promise((resolve, reject) => {
    const fail = (why) => {
      stop().then(() => reject(new Error(`${why}\n${output.trim().split('\n').slice(-8).join('\n')}`)))
    }
    const timer = setTimeout(() => fail(`no ready line after ${timeoutMs} ms`), timeoutMs)
    const onData = (chunk) => {
      output += chunk
      if (!/^ready\b/m.test(output)) return
      child.stdout.off('data', onData)
      child.stdout.resume()
      waitForPort(port, 5000).then((ok) => {
        clearTimeout(timer)
        if (ok) resolve({ child, url: `http://127.0.0.1:${port}`, stop })
        else fail('printed its ready line but does not accept connections')
      })
    }
    child.stdout.setEncoding('utf8').on('data', onData)
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      output += chunk
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      fail(`exited early (code ${code}, signal ${signal})`)
    })
  })
}
