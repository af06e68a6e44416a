import type { Handler } from '@openspeed/core'

/** Marks a handler as undocumented, so the document and docs routes stay out of the document. */
export function hidden<H extends Handler>(handler: H): H {
  Object.defineProperty(handler, Symbol.for('openspeed.description'), {
    value: Object.freeze({ hide: true }),
  })
  return handler
}
