import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import { type MiddlewareHandler, OpenSpeed } from '@openspeed/core'
import { expect, it } from 'vitest'
import { withServer } from '../../test/_serve.ts'
import { rawRequest } from '../_runtimes.case.ts'
import type { CompressOptions, ContentCoding } from './options.ts'

export const bigJson: string = JSON.stringify(
  Array.from({ length: 300 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] })),
)
const bigText = 'OpenSpeed compresses text. '.repeat(200)

export const decoders: Record<Exclude<ContentCoding, 'zstd'>, (data: Uint8Array) => Buffer> = {
  gzip: gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
}

/** An app exercising every branch of compress(). */
export function compressApp(
  compress: (options?: CompressOptions) => MiddlewareHandler,
  options?: CompressOptions,
): OpenSpeed<any, any> {
  const sized = (length: number) => 'x'.repeat(length)
  return new OpenSpeed()
    .use(compress(options))
    .get('/json', (c) => c.json(JSON.parse(bigJson)))
    .get('/bytes', (c) =>
      c.body(new TextEncoder().encode(bigText).buffer, 200, { 'content-type': 'text/plain' }),
    )
    .get('/small', (c) => c.text(sized(1023)))
    .get('/edge', (c) => c.text(sized(1024)))
    .get('/png', (c) => c.body(new Uint8Array(4096), 200, { 'content-type': 'image/png' }))
    .get('/sse', (c) => c.sse(async (stream) => stream.writeSSE({ data: sized(4096) })))
    .get('/none', (c) => c.body(null, 200, { 'content-type': 'text/plain' }))
    .get('/untyped', (c) => c.body(new Uint8Array(4096)))
    .get('/encoded', (c) =>
      c.body(new Uint8Array(4096), 200, { 'content-type': 'text/plain', 'content-encoding': 'br' }),
    )
    .get('/no-transform', (c) => c.text(bigText, 200, { 'cache-control': 'public, no-transform' }))
    .get('/etag', (c) => c.text(bigText, 200, { etag: '"v1"', vary: 'Origin' }))
    .get('/weak', (c) => c.text(bigText, 200, { etag: 'W/"v1"', vary: '*' }))
    .get('/nothing', (c) => c.body(null, 204))
    .get('/partial', (c) => c.text(bigText, 206, { 'content-range': `bytes 0-5399/9999` }))
    .get('/stream', (c) =>
      c.stream(async (stream) => {
        for (let i = 0; i < 20; i++) await stream.write(`${bigText.slice(0, 200)} #${i}\n`)
      }),
    )
    .get(
      '/response',
      () =>
        new Response(new Blob([bigText]).stream(), {
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': `${bigText.length}` },
        }),
    )
    .get(
      '/small-response',
      () => new Response('tiny', { headers: { 'content-type': 'text/plain', 'content-length': '4' } }),
    )
}

/**
 * The behaviour every build of compress() shares, checked through a real Node server with a
 * client that decodes the bytes itself. `codings` are those this build produces on this runtime.
 */
export function compressCases(
  compress: (options?: CompressOptions) => MiddlewareHandler,
  codings: ContentCoding[],
): void {
  const app = compressApp(compress)
  const get = (url: string, acceptEncoding?: string, method?: string) =>
    rawRequest(url, acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }, method)

  it.each(codings.filter((coding) => coding !== 'zstd') as Exclude<ContentCoding, 'zstd'>[])(
    'sends %s that a real client decodes',
    async (coding) => {
      await withServer(app, async (url) => {
        for (const [path, expected] of [
          ['/json', bigJson],
          ['/bytes', bigText],
          ['/stream', Array.from({ length: 20 }, (_, i) => `${bigText.slice(0, 200)} #${i}\n`).join('')],
          ['/response', bigText],
        ] as const) {
          const response = await get(url + path, `${coding}, identity;q=0.5`)
          expect(response.headers['content-encoding'], path).toBe(coding)
          expect(response.headers.vary).toBe('Accept-Encoding')
          expect(decoders[coding](response.body).toString()).toBe(expected)
          if (path === '/json' || path === '/bytes') {
            expect(Number(response.headers['content-length'])).toBe(response.body.byteLength)
            expect(response.body.byteLength).toBeLessThan(expected.length / 3)
          } else {
            expect(response.headers['content-length']).toBeUndefined()
          }
        }
      })
    },
  )

  it('negotiates by q-value, refuses q=0 and falls back to identity', async () => {
    await withServer(app, async (url) => {
      const coding = async (accept?: string) => (await get(`${url}/json`, accept)).headers['content-encoding']
      expect(await coding()).toBeUndefined()
      expect(await coding('gzip;q=0.2, deflate;q=0.9')).toBe('deflate')
      expect(await coding('gzip;q=0, deflate;q=0, *;q=0.1')).toBe(
        codings.find((c) => c !== 'gzip' && c !== 'deflate') ?? undefined,
      )
      expect(await coding('*;q=0')).toBeUndefined()
      expect(await coding('identity, gzip;q=0.5')).toBeUndefined()
      expect(await coding('compress')).toBeUndefined()
      const identity = await get(`${url}/json`, 'zstd;q=2, gzip')
      expect(identity.headers['content-encoding']).toBeUndefined()
      expect(identity.headers.vary).toBe('Accept-Encoding')
      expect(identity.body.toString()).toBe(bigJson)
      expect(identity.status).toBe(200)
    })
  })

  it('leaves small, compressed, untyped, encoded, no-transform, HEAD, 204 and 206 responses alone', async () => {
    await withServer(app, async (url) => {
      for (const path of [
        '/small',
        '/small-response',
        '/png',
        '/sse',
        '/none',
        '/untyped',
        '/no-transform',
        '/partial',
        '/nothing',
      ]) {
        const response = await get(url + path, 'gzip, deflate, br')
        expect(response.headers['content-encoding'], path).toBeUndefined()
        expect(response.headers.vary, path).toBeUndefined()
      }
      expect((await get(`${url}/encoded`, 'gzip')).headers['content-encoding']).toBe('br')
      expect((await get(`${url}/edge`, 'gzip')).headers['content-encoding']).toBe('gzip')
      const head = await get(`${url}/json`, 'gzip', 'HEAD')
      expect(head.headers['content-encoding']).toBeUndefined()
      expect(head.body.byteLength).toBe(0)
    })
  })

  it('weakens a strong ETag and appends to Vary', async () => {
    await withServer(app, async (url) => {
      const strong = await get(`${url}/etag`, 'gzip')
      expect(strong.headers.etag).toBe('W/"v1"')
      expect(strong.headers.vary).toBe('Origin, Accept-Encoding')
      const weak = await get(`${url}/weak`, 'gzip')
      expect(weak.headers.etag).toBe('W/"v1"')
      expect(weak.headers.vary).toBe('*')
      expect(gunzipSync(weak.body).toString()).toBe(bigText)
    })
  })

  it('takes a threshold, an encoding list and a filter', async () => {
    const custom = compressApp(compress, {
      threshold: 0,
      encodings: ['deflate'],
      filter: (type) => type === 'image/png',
    })
    await withServer(custom, async (url) => {
      const png = await get(`${url}/png`, 'gzip, deflate')
      expect(png.headers['content-encoding']).toBe('deflate')
      expect(inflateSync(png.body).byteLength).toBe(4096)
      expect((await get(`${url}/json`, 'gzip, deflate')).headers['content-encoding']).toBeUndefined()
    })
    expect(() => compress({ encodings: ['lzma' as 'gzip'] })).toThrow(
      expect.objectContaining({ code: 'OS_ERR_COMPRESS_INVALID_OPTIONS' }),
    )
    expect(() => compress({ threshold: -1 })).toThrow(expect.objectContaining({ name: 'MiddlewareError' }))
  })
}
