import { type Context, type ExecutionContext, type MiddlewareHandler, OpenSpeed } from '@openspeed/core'

const kSlot: unique symbol = Symbol('router-fs.error-slot')

interface SlotContext extends ExecutionContext {
  [kSlot]: { error: unknown; failed: boolean }
}

/**
 * A fresh inner app whose uncaught errors are handed back to the outer app (so the outer app's
 * `onError` answers them, as it does for routes registered directly).
 */
export function createInnerApp(
  create: () => OpenSpeed<any, any> = () => new OpenSpeed(),
): OpenSpeed<any, any> {
  return create().onError((error, c) => {
    const slot = (c.executionCtx as SlotContext | undefined)?.[kSlot]
    if (slot === undefined) throw error
    slot.error = error
    slot.failed = true
    return c.body(null, 500)
  })
}

/**
 * The one handler mounted in development: forwards each request to whichever inner app is current,
 * so routes can be swapped without restarting (core freezes an app's middleware once it serves).
 */
export function delegateTo(current: () => OpenSpeed<any, any>): MiddlewareHandler {
  return async (c: Context) => {
    const outer = c.executionCtx
    const slot = { error: undefined as unknown, failed: false }
    const executionCtx: SlotContext = {
      waitUntil: (promise) => (outer === undefined ? void promise.catch(() => {}) : outer.waitUntil(promise)),
      passThroughOnException: () => outer?.passThroughOnException?.(),
      [kSlot]: slot,
    }
    const response = await current().fetch(c.req.raw, c.env, executionCtx)
    if (slot.failed) throw slot.error
    return response
  }
}
