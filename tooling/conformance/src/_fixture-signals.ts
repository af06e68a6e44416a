/** Named events a test waits for through a follow-up request; shared by every request of one server. */
const fired = new Set<string>()

/** Records that `name` happened. */
export function fire(name: string): void {
  fired.add(name)
}

/**
 * Resolves `true` once `name` has happened, or `false` after `timeout` ms. It polls rather than
 * keeping a resolver for the request that fires the event to call: workerd never resumes a
 * promise resolved from another request's context.
 */
export async function waitFor(name: string, timeout: number): Promise<boolean> {
  for (const end = Date.now() + timeout; !fired.has(name); ) {
    if (Date.now() >= end) return false
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return true
}
