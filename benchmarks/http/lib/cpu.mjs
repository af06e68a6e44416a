import { readFileSync } from 'node:fs'

// Ticks from /proc/stat (per CPU) and /proc/<pid>/stat, to tell how much of the server's CPU
// something else took during a run. Linux only; elsewhere every reading is null.

function cpuLine(cpu) {
  try {
    const line = readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`cpu${cpu} `))
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number)
    const total = user + nice + system + idle + iowait + irq + softirq + steal
    return { work: user + nice + system, idle: idle + iowait, total, steal }
  } catch {
    return null
  }
}

function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12]) // utime + stime
  } catch {
    return null
  }
}

/** Starts watching `cpu` and process `pid`; `stop()` returns what happened on that CPU meanwhile. */
export function watchCpu(cpu, pid) {
  const cpuBefore = cpuLine(cpu)
  const pidBefore = processTicks(pid)
  return () => {
    const cpuAfter = cpuLine(cpu)
    const pidAfter = processTicks(pid)
    if (!cpuBefore || !cpuAfter || pidBefore === null || pidAfter === null) return null
    const total = cpuAfter.total - cpuBefore.total
    if (total <= 0) return null
    const server = pidAfter - pidBefore
    const others = Math.max(0, cpuAfter.work - cpuBefore.work - server) + (cpuAfter.steal - cpuBefore.steal)
    // server: share of the CPU the server process used; busy: share not idle (with the kernel's
    // loopback network work, charged to the CPU, not the process); contention: share taken by
    // other processes or the hypervisor (steal).
    const busy = 1 - (cpuAfter.idle - cpuBefore.idle) / total
    return { server: server / total, busy, contention: others / total }
  }
}
