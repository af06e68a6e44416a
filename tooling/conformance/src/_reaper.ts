import { type ChildProcess, spawn } from 'node:child_process'
import type { Socket } from 'node:net'

// The watchdog's whole program: it reads `+<pgid>` / `-<pgid>` lines on stdin, and when stdin
// ends (the test process is gone, however it ended) it sends SIGTERM, then SIGKILL, to every
// process group still listed.
const kWatchdog = `
const groups = new Set()
let rest = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => {
  const lines = (rest + chunk).split('\\n')
  rest = lines.pop()
  for (const line of lines) {
    if (line[0] === '+') groups.add(Number(line.slice(1)))
    else if (line[0] === '-') groups.delete(Number(line.slice(1)))
  }
})
const signal = (name) => {
  for (const pgid of groups) {
    try { process.kill(-pgid, name) } catch {}
  }
}
process.stdin.on('end', () => {
  if (groups.size === 0) return
  signal('SIGTERM')
  setTimeout(() => signal('SIGKILL'), 3000)
})
`

let watchdog: ChildProcess | undefined

function ensureWatchdog(): ChildProcess {
  if (watchdog !== undefined) return watchdog
  // its own process group, so the Ctrl-C that interrupts a test run does not reach it
  watchdog = spawn(process.execPath, ['-e', kWatchdog], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  watchdog.on('error', () => {})
  watchdog.stdin!.on('error', () => {})
  // neither the watchdog nor the pipe to it keeps the test process alive
  watchdog.unref()
  ;(watchdog.stdin as Socket).unref()
  return watchdog
}

/**
 * Makes sure the process group `pgid` is stopped when this process ends, even by SIGKILL or an
 * uncaught signal, which skip `process.on('exit')`: a watchdog process outlives this one and
 * stops every group still registered once the pipe from this process closes.
 */
export function reapOnExit(pgid: number): void {
  ensureWatchdog().stdin!.write(`+${pgid}\n`)
}

/** Forgets `pgid`: its processes have ended. */
export function forgetGroup(pgid: number): void {
  watchdog?.stdin?.write(`-${pgid}\n`)
}
