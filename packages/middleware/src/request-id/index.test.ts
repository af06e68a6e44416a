import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { withServer } from '../../test/_serve.ts'
import { getRequestId, requestId } from './index.ts'

const kUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

function app(options?: Parameters<typeof requestId>[0]) {
  return new OpenSpeed({ logError: () => {} })
    .use(requestId(options))
    .get('/', (c) => c.text(getRequestId(c) ?? 'none'))
    .get('/boom', () => {
      throw new Error('boom')
    })
}

describe('requestId', () => {
  it('generates a UUID, exposes it and echoes it', async () => {
    const response = await app().request('/')
    const id = response.headers.get('x-request-id')
    expect(id).toMatch(kUuid)
    expect(await response.text()).toBe(id)
    const other = await app().request('/')
    expect(other.headers.get('x-request-id')).not.toBe(id)
  })

  it('keeps a well-formed id from the trusted header', async () => {
    const response = await app().request('/', { headers: { 'x-request-id': 'edge-01:abc/42=' } })
    expect(response.headers.get('x-request-id')).toBe('edge-01:abc/42=')
    expect(await response.text()).toBe('edge-01:abc/42=')
  })

  it('replaces ids that are too long, use unsafe characters or are not trusted', async () => {
    const cases = ['a'.repeat(129), 'id with space', 'id;x', 'id,x', '"quoted"', 'id\tx', '<script>']
    for (const bad of cases) {
      const response = await app().request('/', { headers: { 'x-request-id': bad } })
      expect(response.headers.get('x-request-id'), bad).toMatch(kUuid)
    }
    const untrusted = await app({ trustHeader: false }).request('/', { headers: { 'x-request-id': 'abc' } })
    expect(untrusted.headers.get('x-request-id')).toMatch(kUuid)
    const custom = await app({ header: 'X-Correlation-Id', maxLength: 4, generate: () => 'gen' }).request(
      '/',
      {
        headers: { 'x-correlation-id': 'abcde' },
      },
    )
    expect(custom.headers.get('x-correlation-id')).toBe('gen')
  })

  it('echoes the id on error responses too', async () => {
    const response = await app().request('/boom', { headers: { 'x-request-id': 'trace-1' } })
    expect(response.status).toBe(500)
    expect(response.headers.get('x-request-id')).toBe('trace-1')
  })

  it('rejects an invalid header name when created', () => {
    expect(() => requestId({ header: 'bad header' })).toThrow(/header name/)
  })
})

describe('requestId over a real socket', () => {
  it('refuses header injection and oversized ids sent through the request id', async () => {
    await withServer(app(), async (url) => {
      for (const attack of [
        'abc%0d%0aset-cookie:%20owned=1',
        'abc\\r\\nset-cookie: owned=1',
        'x'.repeat(4096),
      ]) {
        const response = await fetch(`${url}/`, { headers: { 'x-request-id': attack } })
        expect(response.headers.get('x-request-id'), attack).toMatch(kUuid)
        expect(response.headers.get('set-cookie')).toBeNull()
        expect(await response.text()).toMatch(kUuid)
      }
      const ok = await fetch(`${url}/`, { headers: { 'x-request-id': 'lb-7f3a' } })
      expect(ok.headers.get('x-request-id')).toBe('lb-7f3a')
    })
  })
})
