import { describe, expect, it } from 'vitest'
import { negotiateEncoding, parseAcceptEncoding } from './_accept-encoding.ts'
import type { ContentCoding } from './compress/options.ts'

const all: ContentCoding[] = ['zstd', 'br', 'gzip', 'deflate']

describe('Accept-Encoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['gzip, deflate, br, zstd', 'zstd'],
    ['gzip, deflate, br', 'br'],
    ['gzip;q=0.5, deflate;q=0.8', 'deflate'],
    ['br;q=0, gzip;q=0.1', 'gzip'],
    ['*', 'zstd'],
    ['*;q=0.5, zstd;q=0', 'br'],
    ['*;q=0', null],
    ['identity', null],
    ['gzip;q=0.5, identity', null],
    ['gzip, identity;q=0.5', 'gzip'],
    ['gzip ; q=1.000, br; Q=0.999', 'gzip'],
    ['compress, sdch', null],
    ['gzip;q=2', null],
    ['gzip;q=0.1234', null],
    ['gzip;level=9', null],
    ['gz ip', null],
    ['"gzip"', null],
  ])('%j -> %j', (header, expected) => {
    expect(negotiateEncoding(header, all)).toBe(expected)
  })

  it('only offers what is available, in server order', () => {
    expect(negotiateEncoding('zstd, br', ['gzip', 'deflate'])).toBeNull()
    expect(negotiateEncoding('zstd, gzip;q=0.5', ['br', 'gzip'])).toBe('gzip')
    expect(negotiateEncoding('deflate, gzip', ['gzip', 'deflate'])).toBe('gzip')
  })

  it('refuses oversized headers', () => {
    expect(parseAcceptEncoding(`${'a,'.repeat(600)}gzip`)).toBeNull()
    expect(parseAcceptEncoding('gzip,,  ,br')).toEqual(
      new Map([
        ['gzip', 1],
        ['br', 1],
      ]),
    )
  })
})
