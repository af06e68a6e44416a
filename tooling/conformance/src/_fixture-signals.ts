/** Named events a test waits for through a follow-up request; shared by every request of one server. */
const events = new Map<string, { fired: boolean; waiters: (() => void)[] }>()

function entry(name: string): { fired: boolean; waiters: (() => void)[] } {
  let found = events.get(name)
  if (found === undefined) events.set(name, (found = { fired: false, waiters: [] }))
  return found
}

/** Records that `name` happened and wakes everyone waiting for it. */
export function fire(name: string): void {
  const found = entry(name)
  found.fired = true
  for (const wake of found.waiters.splice(0)) wake()
}

/** Resolves `true` once `name` has happened, or `false` after `timeout` ms. */
export function waitFor(name: string, timeout: number): Promise<boolean> {
  const found = entry(name)
  if (found.fired) return Promise.resolve(true)
  return new Promise((resolve) => {
    const wake = (): void => {
      clearTimeout(timer)
      resolve(true)
    }
    const timer = setTimeout(() => {
      found.waiters.splice(found.waiters.indexOf(wake), 1)
      resolve(false)
    }, timeout)
    found.waiters.push(wake)
  })
}
