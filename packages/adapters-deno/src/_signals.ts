import { denoRuntime } from './_deno.ts'

/**
 * Runs `shutdown` on the first of `signals`. Once it settles, the listeners are removed and the
 * signal is raised again, so the process ends the way it would have without a handler (exit
 * status 128 + signal number). Returns a function that removes the listeners.
 */
export function onShutdownSignals(signals: readonly string[], shutdown: () => Promise<void>): () => void {
  const deno = denoRuntime()
  const listeners = new Map<string, () => void>()
  let started = false
  const remove = (): void => {
    for (const [signal, listener] of listeners) deno.removeSignalListener(signal, listener)
    listeners.clear()
  }
  for (const signal of signals) {
    const listener = (): void => {
      // a second signal while draining ends the process by its default action
      if (started) {
        remove()
        deno.kill(deno.pid, signal)
        return
      }
      started = true
      shutdown().then(
        () => {
          remove()
          deno.kill(deno.pid, signal)
        },
        (error: unknown) => {
          remove()
          console.error('[openspeed] graceful shutdown failed:', error)
          deno.exit(1)
        },
      )
    }
    listeners.set(signal, listener)
    deno.addSignalListener(signal, listener)
  }
  return remove
}
