import type { SignalRuntime } from './server-lifecycle.ts'

/**
 * Runs `shutdown` on the first of `signals`; a second one calls `force`, or without it raises the
 * signal at once. Once `shutdown` settles, the listeners are removed and the signal is raised
 * again, so the process ends the way it would have without a handler unless someone else also
 * listens for it; if it fails, the error is logged and the process exits with status 1. Returns a
 * function that removes the listeners.
 */
export function onShutdownSignals(
  signals: readonly string[],
  runtime: SignalRuntime,
  shutdown: () => Promise<void>,
  force: (() => void) | undefined,
): () => void {
  let started = false
  const listeners = signals.map((name) => [name, () => onSignal(name)] as const)
  const remove = (): void => {
    for (const [name, listener] of listeners.splice(0)) runtime.off(name, listener)
  }
  const raise = (name: string): void => {
    remove()
    runtime.kill(runtime.pid, name)
  }
  function onSignal(name: string): void {
    if (started) {
      if (force === undefined) raise(name)
      else force()
      return
    }
    started = true
    shutdown().then(
      () => raise(name),
      (error: unknown) => {
        remove()
        console.error('[openspeed] graceful shutdown failed:', error)
        runtime.exit(1)
      },
    )
  }
  for (const [name, listener] of listeners) runtime.on(name, listener)
  return remove
}
