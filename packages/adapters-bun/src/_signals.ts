/**
 * Runs `shutdown` on the first of `signals`; a second one calls `force`. Once `shutdown` settles,
 * the listeners are removed and the signal is raised again, so the process ends the way it would
 * have without a handler unless someone else also listens for it. Returns a function that removes
 * the listeners.
 */
export function onShutdownSignals(
  signals: readonly NodeJS.Signals[],
  shutdown: () => Promise<void>,
  force: () => void,
): () => void {
  let started = false
  const remove = (): void => {
    for (const signal of signals) process.off(signal, listener)
  }
  const listener = (signal: NodeJS.Signals): void => {
    if (started) {
      force()
      return
    }
    started = true
    shutdown().then(
      () => {
        remove()
        process.kill(process.pid, signal)
      },
      (error: unknown) => {
        remove()
        console.error('[openspeed] graceful shutdown failed:', error)
        process.exit(1)
      },
    )
  }
  for (const signal of signals) process.on(signal, listener)
  return remove
}
