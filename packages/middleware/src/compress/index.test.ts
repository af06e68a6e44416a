import { describe, expect, it } from 'vitest'
import { compressCases } from './compress.case.ts'
import { compress } from './index.ts'

// Node 20's CompressionStream has gzip and deflate only
describe('compress (CompressionStream build) on Node 20', () => {
  compressCases(compress, ['gzip', 'deflate'])

  it('negotiates Brotli and zstd away where CompressionStream lacks them', async () => {
    const app = (await import('./compress.case.ts')).compressApp(compress)
    for (const accept of ['zstd', 'br', 'zstd, br']) {
      const response = await app.request('/json', { headers: { 'accept-encoding': accept } })
      expect(response.headers.get('content-encoding')).toBeNull()
      expect(response.headers.get('vary')).toBe('Accept-Encoding')
    }
    const fallback = await app.request('/json', { headers: { 'accept-encoding': 'zstd, br, gzip;q=0.1' } })
    expect(fallback.headers.get('content-encoding')).toBe('gzip')
  })
})
