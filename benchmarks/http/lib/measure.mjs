import { watchCpu } from './cpu.mjs'
import { runWrk } from './wrk.mjs'

/**
 * Warms a verified server up, then measures it with wrk. While wrk runs, CPU 0 is watched: when
 * other processes (or the hypervisor) took more than `maxContention` of it, the run is repeated
 * on the same warm server, up to `retries` times, and flagged if it never ran clean.
 */
export async function measure(
  handle,
  scenario,
  round,
  { seconds, warmup, pin, retries = 1, maxContention = 0.1 },
) {
  const wrkOptions = { cpu: 1, pin }
  if (warmup > 0) await runWrk(handle.url, scenario, { ...wrkOptions, seconds: warmup })
  let result
  let cpu
  let attempt = 0
  for (; attempt <= retries; attempt++) {
    const stop = watchCpu(0, handle.child.pid)
    result = await runWrk(handle.url, scenario, { ...wrkOptions, seconds })
    cpu = stop()
    if (!cpu || cpu.contention <= maxContention) break
    if (attempt < retries)
      console.log(`    contended: ${Math.round(cpu.contention * 100)}% of CPU 0 went elsewhere; again`)
  }
  const expected = (scenario.expect.status ?? 200) >= 400 ? result.requests : 0
  const flags = []
  if (result.non2xx !== expected)
    flags.push(`round ${round}: ${result.non2xx} of ${result.requests} non-2xx, expected ${expected}`)
  if (result.socketErrors > 0) flags.push(`round ${round}: ${result.socketErrors} socket errors`)
  if (cpu && cpu.contention > maxContention)
    flags.push(`round ${round}: ${Math.round(cpu.contention * 100)}% of CPU 0 taken by other processes`)
  const { raw, ...numbers } = result
  return {
    ...numbers,
    serverCpu: cpu?.server ?? null,
    cpuBusy: cpu?.busy ?? null,
    contention: cpu?.contention ?? null,
    retries: Math.min(attempt, retries),
    flags,
    countable: result.non2xx === expected,
  }
}
