import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const dir = join(tmpdir(), 'openspeed-bench.lock')
const pidFile = join(dir, 'pid')

function holderIsGone() {
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8')), 0)
    return false
  } catch (error) {
    return error.code === 'ESRCH' || error.code === 'ENOENT'
  }
}

/**
 * Runs `task` while holding a machine-wide lock, so two benchmarks started together (for example
 * by a parallel `pnpm --filter` run) take turns instead of measuring each other. A lock left by a
 * process that died is taken over.
 */
export async function withLock(name, task) {
  let waited = false
  for (;;) {
    try {
      mkdirSync(dir)
      writeFileSync(pidFile, String(process.pid))
      break
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      await sleep(200)
      if (holderIsGone()) rmSync(dir, { recursive: true, force: true })
      else if (!waited) console.log(`[${name}] waiting for another benchmark to finish (${dir})`)
      waited = true
    }
  }
  const release = () => rmSync(dir, { recursive: true, force: true })
  process.once('exit', release)
  try {
    return await task()
  } finally {
    release()
  }
}
