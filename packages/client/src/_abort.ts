import { ClientError } from './client-error.ts'

/** The error thrown when the call's signal aborts, with the signal's reason as its cause. */
export function aborted(signal: AbortSignal): ClientError {
  return new ClientError('OS_ERR_CLIENT_ABORTED', 'The request was aborted', { cause: signal.reason })
}

/**
 * Settles like `work`, or rejects with {@link aborted} as soon as `signal` aborts. A custom fetch
 * (`app.fetch`, a wrapper) or a body that is not from the network may ignore the signal; the race
 * makes aborting work for them too.
 */
export async function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work
  if (signal.aborted) throw aborted(signal)
  let listener: () => void = () => {}
  const abort = new Promise<never>((_resolve, reject) => {
    listener = () => reject(aborted(signal))
    signal.addEventListener('abort', listener, { once: true })
  })
  try {
    return await Promise.race([work, abort])
  } finally {
    signal.removeEventListener('abort', listener)
  }
}
