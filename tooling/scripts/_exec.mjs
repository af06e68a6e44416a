import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * Runs a command to completion and resolves with its exit code and output; never rejects.
 *
 * @example
 * const { code, stdout } = await run('pnpm', ['pack'], { cwd: dir })
 */
export function run(command, args, { cwd, timeoutMs = 300_000, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => {
      stderr += `\n[timed out after ${timeoutMs} ms]`
      killTree(child)
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ code: 127, stdout, stderr: stderr + error.message })
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr })
    })
  })
}

/**
 * Starts a long-running command (a server) in its own process group, so `killTree` also stops the
 * node process that wrappers such as tsx spawn.
 *
 * @example
 * const server = start(tsx, ['example.ts'], { cwd })
 * await killTree(server.child)
 */
export function start(command, args, { cwd } = {}) {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const server = { child, output: '', exited: false }
  child.stdout.on('data', (chunk) => (server.output += chunk))
  child.stderr.on('data', (chunk) => (server.output += chunk))
  child.on('error', (error) => (server.output += error.message))
  child.on('close', () => (server.exited = true))
  return server
}

/** Sends SIGTERM to the whole process group, then SIGKILL if it is still there after 3 s. */
export async function killTree(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal)
    } catch {
      // The group is already gone.
    }
  }
  signalGroup('SIGTERM')
  for (let waited = 0; waited < 3000 && child.exitCode === null && child.signalCode === null; waited += 100) {
    await sleep(100)
  }
  signalGroup('SIGKILL')
}

/** Fetches a URL once; resolves with the body text, or undefined if nothing answers. */
export async function tryFetch(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
    return await response.text()
  } catch {
    return undefined
  }
}
