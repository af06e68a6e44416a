import { configError } from './_errors.ts'
import type { MiddlewareSetupCode } from './errors/codes.ts'

/**
 * A parsed IP address: 4 bytes for IPv4, 16 for IPv6. IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is
 * folded to IPv4, so one rule matches a client whether a dual-stack socket reports it mapped or not.
 */
export interface IpAddress {
  readonly bytes: Uint8Array
}

/** A CIDR range; `bytes` are already masked to `prefix` bits. */
export interface IpRange {
  readonly bytes: Uint8Array
  readonly prefix: number
}

const kDecimalOctet = /^(?:0|[1-9]\d{0,2})$/
const kHexGroup = /^[0-9a-fA-F]{1,4}$/

function parseIpv4(input: string): Uint8Array | undefined {
  const parts = input.split('.')
  if (parts.length !== 4) return undefined
  const bytes = new Uint8Array(4)
  for (let i = 0; i < 4; i++) {
    // leading zeros are refused: some stacks read `010` as octal, so its meaning is ambiguous
    if (!kDecimalOctet.test(parts[i]!)) return undefined
    const value = Number(parts[i])
    if (value > 255) return undefined
    bytes[i] = value
  }
  return bytes
}

function parseGroups(parts: string[], allowIpv4Tail: boolean, out: number[]): boolean {
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    if (allowIpv4Tail && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part)
      if (v4 === undefined) return false
      out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!)
    } else if (kHexGroup.test(part)) {
      out.push(Number.parseInt(part, 16))
    } else {
      return false
    }
  }
  return true
}

function parseIpv6(input: string): Uint8Array | undefined {
  const halves = input.split('::')
  if (halves.length > 2) return undefined
  const head: number[] = []
  const tail: number[] = []
  const compressed = halves.length === 2
  if (halves[0] !== '' && !parseGroups(halves[0]!.split(':'), !compressed, head)) return undefined
  if (compressed && halves[1] !== '' && !parseGroups(halves[1]!.split(':'), true, tail)) return undefined
  if (compressed ? head.length + tail.length > 7 : head.length !== 8) return undefined
  const groups = head.concat(new Array<number>(8 - head.length - tail.length).fill(0), tail)
  const bytes = new Uint8Array(16)
  for (let i = 0; i < 8; i++) {
    bytes[2 * i] = groups[i]! >> 8
    bytes[2 * i + 1] = groups[i]! & 0xff
  }
  return bytes
}

function isMapped(bytes: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false
  return bytes[10] === 0xff && bytes[11] === 0xff
}

/**
 * Parses an IPv4 or IPv6 address; a zone id (`fe80::1%eth0`) is dropped. `undefined` for anything
 * that is not an address, such as a host name, `unknown` or an IPv4 with leading zeros.
 */
export function parseIp(input: string | undefined): IpAddress | undefined {
  if (input === undefined || input.length === 0 || input.length > 100) return undefined
  if (!input.includes(':')) {
    const bytes = parseIpv4(input)
    return bytes === undefined ? undefined : { bytes }
  }
  const zone = input.indexOf('%')
  const bytes = parseIpv6(zone === -1 ? input : input.slice(0, zone))
  if (bytes === undefined) return undefined
  return { bytes: isMapped(bytes) ? bytes.slice(12) : bytes }
}

function mask(bytes: Uint8Array, prefix: number): Uint8Array {
  const masked = new Uint8Array(bytes.length)
  for (let i = 0; i < bytes.length; i++) {
    const bits = Math.min(8, Math.max(0, prefix - 8 * i))
    masked[i] = bytes[i]! & ((0xff << (8 - bits)) & 0xff)
  }
  return masked
}

/**
 * Parses `address` or `address/prefix` (host bits are cleared). A range inside the IPv4-mapped
 * block (`::ffff:10.0.0.0/104`) becomes the IPv4 range it maps (`10.0.0.0/8`).
 */
export function parseRange(input: string): IpRange | undefined {
  const slash = input.indexOf('/')
  const text = slash === -1 ? input : input.slice(0, slash)
  const address = parseIp(text)
  if (address === undefined) return undefined
  const full = address.bytes.length * 8
  let prefix = full
  if (slash !== -1) {
    const suffix = input.slice(slash + 1)
    if (!/^\d{1,3}$/.test(suffix)) return undefined
    prefix = Number(suffix)
    if (address.bytes.length === 4 && text.includes(':')) prefix -= 96
    if (prefix < 0 || prefix > full) return undefined
  }
  return { bytes: mask(address.bytes, prefix), prefix }
}

/** Whether `address` lies in `range` (IPv4 ranges match IPv4 addresses only, IPv6 likewise). */
export function inRange(address: IpAddress, range: IpRange): boolean {
  const bytes = address.bytes
  if (bytes.length !== range.bytes.length) return false
  const whole = range.prefix >> 3
  for (let i = 0; i < whole; i++) if (bytes[i] !== range.bytes[i]) return false
  const rest = range.prefix & 7
  if (rest === 0) return true
  return (bytes[whole]! & ((0xff << (8 - rest)) & 0xff)) === range.bytes[whole]
}

/**
 * Compiles a list of addresses and CIDR ranges into a predicate. Throws a `MiddlewareError` naming the
 * bad entry (and carrying `code`) when one is not a valid address or range, so mistakes surface
 * when the app starts, not as silently unmatched requests.
 */
export function compileRanges(
  list: readonly string[],
  what: string,
  code: MiddlewareSetupCode,
): (address: IpAddress) => boolean {
  const ranges = list.map((entry) => {
    const range = typeof entry === 'string' ? parseRange(entry.trim()) : undefined
    if (range === undefined) {
      throw configError(
        code,
        `${what}: ${JSON.stringify(entry)} is not a valid IPv4/IPv6 address or CIDR range (e.g. "10.0.0.0/8", "2001:db8::/32")`,
      )
    }
    return range
  })
  return (address) => {
    for (const range of ranges) if (inRange(address, range)) return true
    return false
  }
}

/** The address as text: dotted IPv4, or IPv6 as eight uncompressed hex groups (a stable key). */
export function formatIp(address: IpAddress, ipv6Prefix = 128): string {
  const bytes = address.bytes
  if (bytes.length === 4) return bytes.join('.')
  const masked = ipv6Prefix >= 128 ? bytes : mask(bytes, ipv6Prefix)
  const groups: string[] = []
  for (let i = 0; i < 16; i += 2) groups.push(((masked[i]! << 8) | masked[i + 1]!).toString(16))
  const text = groups.join(':')
  return ipv6Prefix >= 128 ? text : `${text}/${ipv6Prefix}`
}
