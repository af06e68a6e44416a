import { type Context, OpenSpeed } from '@openspeed/core'
import { WebRequestSource } from '@openspeed/core/adapter'
import { describe, expect, it } from 'vitest'
import { formatIp } from './_cidr.ts'
import { createClientAddressReader, parseHops } from './_client-ip.ts'
import type { ClientAddressOptions } from './client-address-options.ts'

async function clientOf(
  options: ClientAddressOptions,
  peer: string | undefined,
  headers: Record<string, string> = {},
): Promise<string> {
  const read = createClientAddressReader(options, 'test')
  const app = new OpenSpeed().get('/', (c: Context) => {
    const address = read(c)
    return c.text(address === undefined ? 'unknown' : formatIp(address))
  })
  const source = new WebRequestSource(new Request('http://localhost/', { headers }), {
    remote: peer === undefined ? {} : { address: peer },
  })
  return (await app.respond(source)).text()
}

describe('client address', () => {
  it('is the TCP peer by default, whatever X-Forwarded-For says', async () => {
    expect(await clientOf({}, '203.0.113.9', { 'x-forwarded-for': '1.1.1.1' })).toBe('203.0.113.9')
    expect(await clientOf({ trustProxy: false }, '::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(await clientOf({}, undefined)).toBe('unknown')
  })

  it('with a hop count, takes the address that many hops left of the peer', async () => {
    const xff = { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.2' }
    expect(await clientOf({ trustProxy: 1 }, '10.0.0.1', xff)).toBe('10.0.0.2')
    expect(await clientOf({ trustProxy: 2 }, '10.0.0.1', xff)).toBe('198.51.100.7')
    expect(await clientOf({ trustProxy: 9 }, '10.0.0.1', xff)).toBe('6.6.6.6')
    expect(await clientOf({ trustProxy: 0 }, '10.0.0.1', xff)).toBe('10.0.0.1')
    expect(await clientOf({ trustProxy: 1 }, '10.0.0.1')).toBe('10.0.0.1')
    expect(await clientOf({ trustProxy: 1 }, '10.0.0.1', { 'x-forwarded-for': 'garbage' })).toBe('unknown')
  })

  it('with trusted ranges, takes the right-most untrusted address (spoofed left entries ignored)', async () => {
    const trustProxy = ['10.0.0.0/8', 'fd00::/8']
    const xff = { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.3, 10.0.0.2' }
    expect(await clientOf({ trustProxy }, '10.0.0.1', xff)).toBe('198.51.100.7')
    // the peer itself is not a trusted proxy: the header is not read at all
    expect(await clientOf({ trustProxy }, '198.51.100.1', xff)).toBe('198.51.100.1')
    // every hop trusted: the left-most one is the client
    expect(await clientOf({ trustProxy }, '10.0.0.1', { 'x-forwarded-for': '10.9.9.9' })).toBe('10.9.9.9')
    expect(await clientOf({ trustProxy }, 'fd00::1', { 'x-forwarded-for': '[2001:db8::5]:4711' })).toBe(
      '2001:db8:0:0:0:0:0:5',
    )
    expect(await clientOf({ trustProxy }, '10.0.0.1')).toBe('10.0.0.1')
    expect(await clientOf({ trustProxy }, '10.0.0.1', { 'x-forwarded-for': '1.1.1.1, bogus' })).toBe(
      'unknown',
    )
    expect(await clientOf({ trustProxy }, undefined, xff)).toBe('unknown')
  })

  it('reads RFC 7239 Forwarded when asked to', async () => {
    const forwarded = {
      forwarded: 'for=6.6.6.6, For="[2001:db8:cafe::17]:4711";proto=https, for=10.0.0.2;by=10.0.0.1',
      'x-forwarded-for': '7.7.7.7',
    }
    expect(
      await clientOf({ trustProxy: ['10.0.0.0/8'], proxyHeader: 'forwarded' }, '10.0.0.1', forwarded),
    ).toBe('2001:db8:cafe:0:0:0:0:17')
    expect(
      await clientOf({ trustProxy: ['10.0.0.0/8'], proxyHeader: 'forwarded' }, '10.0.0.1', {
        forwarded: 'for=unknown',
      }),
    ).toBe('unknown')
  })

  it('parses hops with ports and keeps only the last 64', () => {
    expect(parseHops('1.2.3.4:80, [::1]:8080, ::1, [bad', 'x-forwarded-for')).toEqual([
      '1.2.3.4',
      '::1',
      '::1',
      '[bad',
    ])
    expect(parseHops('proto=http;by=x', 'forwarded')).toEqual([''])
    const many = Array.from({ length: 1000 }, (_, i) => `10.0.${i >> 8}.${i & 255}`).join(',')
    const hops = parseHops(many, 'x-forwarded-for')
    expect(hops).toHaveLength(64)
    expect(hops.at(-1)).toBe('10.0.3.231')
  })

  it('refuses bad settings when created', () => {
    expect(() => createClientAddressReader({ trustProxy: -1 }, 'x')).toThrow(
      expect.objectContaining({ code: 'OS_ERR_TRUST_PROXY_INVALID' }),
    )
    expect(() => createClientAddressReader({ trustProxy: 1.5 }, 'x')).toThrow(
      expect.objectContaining({ name: 'MiddlewareError' }),
    )
    expect(() => createClientAddressReader({ trustProxy: ['10.0.0.0/40'] }, 'x')).toThrow(/10\.0\.0\.0\/40/)
    expect(() => createClientAddressReader({ trustProxy: true as unknown as false }, 'x')).toThrow(
      /hop count/,
    )
    expect(() => createClientAddressReader({ proxyHeader: 'x-real-ip' as 'forwarded' }, 'x')).toThrow(
      /proxyHeader/,
    )
  })
})
