import type { Context } from '@openspeed/core'

/**
 * Keeps `c.res` as it is until `settled` resolves: the handler that ran out of time may still
 * finish later, and its result must not replace the answer already chosen. Headers can still be
 * added to the kept response.
 */
export function keepResponse(c: Context, settled: Promise<unknown>): void {
  const accessor = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(c), 'res')!
  Object.defineProperty(c, 'res', {
    configurable: true,
    get: () => accessor.get!.call(c),
    set: () => {},
  })
  const restore = (): void => {
    delete (c as { res?: unknown }).res
  }
  settled.then(restore, restore)
}
