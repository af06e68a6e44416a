import type { Context } from './context.ts'
import type { FastResponse } from './fast-response.ts'
import type { OpenSpeed } from './open-speed.ts'

/**
 * Lifecycle hooks, added with `app.addHook(name, hook)` (usually by plugins):
 * - `onStart(app)`: once, before the first request is served (adapters await it).
 * - `onRequest(c)`: before routing middleware and the handler; return a response to answer early.
 * - `onResponse(c, response)`: after the response is produced; may add headers with `c.header()`.
 * - `onError(error, c)`: observes every error before the error handler turns it into a response.
 * - `onClose(app)`: once, on `app.close()` (adapters call it after draining on SIGTERM/SIGINT),
 *   in reverse order of registration.
 */
export interface Hooks {
  onStart: (app: OpenSpeed<any, any>) => Promise<void> | void
  onRequest: (c: Context) => Promise<Response | FastResponse | void> | Response | FastResponse | void
  onResponse: (c: Context, response: Response | FastResponse) => Promise<void> | void
  onError: (error: unknown, c: Context) => Promise<void> | void
  onClose: (app: OpenSpeed<any, any>) => Promise<void> | void
}

/** A lifecycle hook name. */
export type HookName = keyof Hooks
