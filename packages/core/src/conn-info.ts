import type { Context } from './context.ts'

/** The client's side of the connection, as far as the runtime reports it. */
export interface ConnInfo {
  readonly remote: {
    /** The peer's IP address, e.g. `127.0.0.1` or `::1`. */
    readonly address?: string
    readonly port?: number
    readonly family?: 'IPv4' | 'IPv6'
  }
}

const kUnknown: ConnInfo = Object.freeze({ remote: Object.freeze({}) })

/**
 * The connection the request arrived on, as the adapter reported it; `{ remote: {} }` when the
 * runtime gives nothing (e.g. `app.request()` in tests). This is the TCP peer: behind a proxy it is
 * the proxy, and headers such as `X-Forwarded-For` are deliberately not consulted.
 *
 * @example
 * import { getConnInfo } from '@openspeed/core'
 * app.get('/ip', (c) => c.text(getConnInfo(c).remote.address ?? 'unknown'))
 */
export function getConnInfo(c: Context): ConnInfo {
  return c.req['~source'].connInfo?.() ?? kUnknown
}
