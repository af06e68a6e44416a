import { type Context, getConnInfo, type OptionsSchema } from '@openspeed/core'
import { compileRanges, type IpAddress, parseIp } from './_cidr.ts'
import { configError } from './_errors.ts'
import type { ClientAddressOptions } from './client-address-options.ts'

/** The option kinds of {@link ClientAddressOptions}, for the factories that take them. */
export const clientAddressSchema: OptionsSchema = {
  trustProxy: ['false', 'number', 'array'],
  proxyHeader: 'string',
}

/** Reads the client's address for a request; `undefined` when it cannot be known. */
export type ClientAddressReader = (c: Context) => IpAddress | undefined

const kMaxHops = 64
const kCode = 'OS_ERR_TRUST_PROXY_INVALID'

function stripPort(value: string): string {
  if (value.startsWith('[')) {
    const end = value.indexOf(']')
    return end === -1 ? value : value.slice(1, end)
  }
  // `1.2.3.4:5678`: a single colon can only be an IPv4 with a port, IPv6 has at least two
  const colon = value.indexOf(':')
  return colon !== -1 && colon === value.lastIndexOf(':') ? value.slice(0, colon) : value
}

function forwardedFor(element: string): string {
  for (const pair of element.split(';')) {
    const equals = pair.indexOf('=')
    if (equals !== -1 && pair.slice(0, equals).trim().toLowerCase() === 'for') {
      const value = pair.slice(equals + 1).trim()
      return value.startsWith('"') && value.endsWith('"') && value.length > 1 ? value.slice(1, -1) : value
    }
  }
  return ''
}

/** The hops a proxy header lists, left (first client) to right (last proxy), ports removed. */
export function parseHops(value: string, header: 'x-forwarded-for' | 'forwarded'): string[] {
  const elements = value.split(',')
  const hops: string[] = []
  // only the right-most hops can matter; a huge header must not cost more than a few of them
  for (let i = Math.max(0, elements.length - kMaxHops); i < elements.length; i++) {
    const element = elements[i]!
    hops.push(stripPort(header === 'forwarded' ? forwardedFor(element) : element.trim()))
  }
  return hops
}

/**
 * Builds the client-address reader shared by rateLimit and ipFilter. Configuration mistakes
 * (a bad CIDR, a negative hop count) throw here, when the middleware is created.
 */
export function createClientAddressReader(options: ClientAddressOptions, what: string): ClientAddressReader {
  const trust = options.trustProxy ?? false
  const header = options.proxyHeader ?? 'x-forwarded-for'
  if (header !== 'x-forwarded-for' && header !== 'forwarded') {
    throw configError(kCode, `${what}: proxyHeader must be "x-forwarded-for" or "forwarded"`)
  }
  const peer = (c: Context): IpAddress | undefined => parseIp(getConnInfo(c).remote.address)
  if (trust === false) return peer
  if (typeof trust === 'number') {
    if (!Number.isInteger(trust) || trust < 0) {
      throw configError(kCode, `${what}: trustProxy as a number must be a hop count (an integer >= 0)`)
    }
    return (c) => {
      const value = c.req.header(header)
      if (trust === 0 || value === undefined) return peer(c)
      const hops = parseHops(value, header)
      // chain = [...hops, peer]; with n trusted proxies the client sits n places left of the peer
      return parseIp(hops[Math.max(0, hops.length - trust)])
    }
  }
  if (!Array.isArray(trust))
    throw configError(kCode, `${what}: trustProxy must be false, a hop count or a list`)
  const trusted = compileRanges(trust, `${what} trustProxy`, kCode)
  return (c) => {
    let address = peer(c)
    if (address === undefined || !trusted(address)) return address
    const value = c.req.header(header)
    if (value === undefined) return address
    const hops = parseHops(value, header)
    for (let i = hops.length - 1; i >= 0; i--) {
      address = parseIp(hops[i])
      // a malformed hop written by a trusted proxy leaves the client unknown rather than guessed
      if (address === undefined || !trusted(address)) return address
    }
    return address
  }
}
