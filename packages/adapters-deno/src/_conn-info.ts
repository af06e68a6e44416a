import type { ConnInfo } from '@openspeed/core'
import type { DenoServeHandlerInfo } from './deno-server.ts'

const kUnknown: ConnInfo = { remote: {} }

/** The client address from Deno's handler info, for `getConnInfo(c)`. */
export function toConnInfo(info: DenoServeHandlerInfo | undefined): ConnInfo {
  const addr = info?.remoteAddr
  if (addr === undefined || !('hostname' in addr)) return kUnknown
  return {
    remote: {
      address: addr.hostname,
      port: addr.port,
      family: addr.hostname.includes(':') ? 'IPv6' : 'IPv4',
    },
  }
}
