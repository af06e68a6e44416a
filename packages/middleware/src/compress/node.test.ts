import { gunzipSync } from 'node:zlib'
import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { deferred, withServer } from '../../test/_serve.ts'
import { rawRequest } from '../_runtimes.case.ts'
import { bigJson, compressApp, compressCases } from './compress.case.ts'
import { compress } from './node.ts'

describe('compress (node:zlib build) on Node 20', () => {
  compressCases(compress, ['br', 'gzip', 'deflate'])

  it('negotiates zstd away on Node 20, which has no zstd in node:zlib', async () => {
    const app = compressApp(compress)
    await withServer(app, async (url) => {
      const zstdOnly = await rawRequest(`${url}/json`, { 'accept-encoding': 'zstd' })
      expect(zstdOnly.headers['content-encoding']).toBeUndefined()
      expect(zstdOnly.body.toString()).toBe(bigJson)
      const fallback = await rawRequest(`${url}/json`, { 'accept-encoding': 'zstd, br;q=0.9' })
      expect(fallback.headers['content-encoding']).toBe('br')
    })
  })

  it('flushes each streamed chunk, so the client decodes it before the next is written', async () => {
    const release = deferred()
    const app = new OpenSpeed().use(compress()).get('/live', (c) =>
      c.stream(async (stream) => {
        await stream.write('first chunk\n')
        await release.promise
        await stream.write('second chunk\n')
      }),
    )
    await withServer(app, async (url) => {
      const { request } = await import('node:http')
      const text = await new Promise<string>((resolve, reject) => {
        const req = request(`${url}/live`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
          expect(response.headers['content-encoding']).toBe('gzip')
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => {
            chunks.push(chunk)
            // a sync-flushed gzip stream decodes up to here without its trailer
            const sofar = gunzipPartial(Buffer.concat(chunks))
            if (sofar === 'first chunk\n') release.resolve()
          })
          response.on('end', () => resolve(gunzipSync(Buffer.concat(chunks)).toString()))
          response.on('error', reject)
        })
        req.end()
      })
      expect(text).toBe('first chunk\nsecond chunk\n')
    })
  })
})

function gunzipPartial(data: Buffer): string {
  try {
    const { gunzipSync: gunzip, constants } = require('node:zlib') as typeof import('node:zlib')
    return gunzip(data, { finishFlush: constants.Z_SYNC_FLUSH }).toString()
  } catch {
    return ''
  }
}
