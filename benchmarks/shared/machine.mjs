import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'

function tryRun(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  } catch {
    return null
  }
}

/** Facts about this machine that a result is meaningless without. */
export function machine() {
  const list = cpus()
  return {
    date: new Date().toISOString(),
    cpu: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((v) => Math.round(v * 100) / 100),
    node: process.version,
    kernel: tryRun('uname', ['-r']),
    wrk: tryRun('wrk', ['-v'])?.split('\n')[0] ?? tryRun('sh', ['-c', 'wrk -v 2>&1 | head -1']),
  }
}

/** Versions of the named packages as installed under `dir/node_modules` (`null` if absent). */
export function packageVersions(dir, names) {
  const versions = {}
  for (const name of names) {
    try {
      const file = join(dir, 'node_modules', name, 'package.json')
      versions[name] = JSON.parse(readFileSync(file, 'utf8')).version
    } catch {
      versions[name] = null
    }
  }
  return versions
}
