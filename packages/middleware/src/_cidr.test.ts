import { describe, expect, it } from 'vitest'
import { compileRanges, formatIp, inRange, parseIp, parseRange } from './_cidr.ts'

const text = (input: string): string | undefined => {
  const address = parseIp(input)
  return address === undefined ? undefined : formatIp(address)
}

describe('parseIp', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['::1', '0:0:0:0:0:0:0:1'],
    ['::', '0:0:0:0:0:0:0:0'],
    ['2001:db8::8a2e:370:7334', '2001:db8:0:0:0:8a2e:370:7334'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8:0:0:0:0:0:1'],
    ['fe80::1%eth0', 'fe80:0:0:0:0:0:0:1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::FFFF:c000:0201', '192.0.2.1'],
    ['0:0:0:0:0:ffff:192.0.2.1', '192.0.2.1'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0:0:0:c000:201'],
  ])('%s -> %s', (input, expected) => {
    expect(text(input)).toBe(expected)
  })

  it.each([
    '',
    'localhost',
    'unknown',
    '256.0.0.1',
    '1.2.3',
    '1.2.3.4.5',
    '01.2.3.4',
    '1.2.3.-4',
    '1.2.3.4 ',
    '1::2::3',
    '12345::',
    'g::1',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '::1.2.3',
    '1.2.3.4::',
    ':::',
    'x'.repeat(200),
  ])('refuses %j', (input) => {
    expect(parseIp(input)).toBeUndefined()
  })

  it('refuses undefined', () => {
    expect(parseIp(undefined)).toBeUndefined()
  })
})

describe('ranges', () => {
  const matches = (range: string, address: string): boolean => inRange(parseIp(address)!, parseRange(range)!)

  it('matches IPv4 and IPv6 prefixes, host bits cleared', () => {
    expect(matches('10.0.0.0/8', '10.255.1.2')).toBe(true)
    expect(matches('10.0.0.0/8', '11.0.0.1')).toBe(false)
    expect(matches('10.1.2.3/8', '10.9.9.9')).toBe(true)
    expect(matches('192.168.1.128/25', '192.168.1.200')).toBe(true)
    expect(matches('192.168.1.128/25', '192.168.1.100')).toBe(false)
    expect(matches('0.0.0.0/0', '203.0.113.9')).toBe(true)
    expect(matches('203.0.113.9', '203.0.113.9')).toBe(true)
    expect(matches('203.0.113.9', '203.0.113.10')).toBe(false)
    expect(matches('2001:db8::/32', '2001:db8:ffff::1')).toBe(true)
    expect(matches('2001:db8::/33', '2001:db8:8000::1')).toBe(false)
    expect(matches('fe80::/10', 'fe80::1%eth0')).toBe(true)
  })

  it('keeps families apart, folding IPv4-mapped addresses and ranges to IPv4', () => {
    expect(matches('::/0', '192.0.2.1')).toBe(false)
    expect(matches('0.0.0.0/0', '::1')).toBe(false)
    expect(matches('10.0.0.0/8', '::ffff:10.1.2.3')).toBe(true)
    expect(matches('::ffff:10.0.0.0/104', '10.1.2.3')).toBe(true)
    expect(matches('::ffff:10.0.0.0/104', '11.1.2.3')).toBe(false)
  })

  it.each([
    '10.0.0.0/33',
    '10.0.0.0/',
    '10.0.0.0/-1',
    '10.0.0.0/8/8',
    '::/129',
    '::ffff:1.2.3.4/95',
    'x/8',
    '10.0.0.0/0x8',
  ])('refuses %j', (input) => {
    expect(parseRange(input)).toBeUndefined()
  })

  it('compiles lists and names the bad entry with a code', () => {
    const isPrivate = compileRanges(['10.0.0.0/8', ' fd00::/8 '], 'test', 'OS_ERR_IP_FILTER_INVALID_RULE')
    expect(isPrivate(parseIp('10.0.0.1')!)).toBe(true)
    expect(isPrivate(parseIp('fd12::1')!)).toBe(true)
    expect(isPrivate(parseIp('8.8.8.8')!)).toBe(false)
    expect(() =>
      compileRanges(['10.0.0.0/8', '10.0.0.256'], 'ipFilter allow', 'OS_ERR_IP_FILTER_INVALID_RULE'),
    ).toThrow(
      expect.objectContaining({
        name: 'MiddlewareError',
        code: 'OS_ERR_IP_FILTER_INVALID_RULE',
        message: expect.stringContaining('"10.0.0.256"'),
      }),
    )
    expect(() => compileRanges([42 as unknown as string], 'x', 'OS_ERR_IP_FILTER_INVALID_RULE')).toThrow(
      expect.objectContaining({ name: 'MiddlewareError' }),
    )
  })

  it('formats IPv6 with a prefix for grouping', () => {
    expect(formatIp(parseIp('2001:db8:1:2:3:4:5:6')!, 64)).toBe('2001:db8:1:2:0:0:0:0/64')
    expect(formatIp(parseIp('10.0.0.1')!, 64)).toBe('10.0.0.1')
  })
})
