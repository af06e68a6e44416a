import { rmSync } from 'node:fs'
import { brotliDecompressSync } from 'node:zlib'
import { OpenSpeed } from '@openspeed/core'
import { afterAll, describe, expect, it } from 'vitest'
import { withServer } from '../../test/_serve.ts'
import { rawRequest } from '../_runtimes.case.ts'
import { appJs, createTree, helloText } from './_tree.case.ts'
import { serveStatic } from './index.ts'

const tree = createTree()
afterAll(() => rmSync(tree.base, { recursive: true, force: true }))

const app = new OpenSpeed()
  .use('/assets/*', serveStatic({ root: tree.root, prefix: '/assets/', cacheControl: 'public, max-age=60' }))
  .use(serveStatic({ root: tree.root, contentTypes: { unknownext: 'text/x-custom' } }))
  .get('/fallback', (c) => c.text('route'))

const json = (body: Buffer) => JSON.parse(body.toString()) as { code?: string; status: number }

describe('serveStatic through a real Node server', () => {
  it('serves files with content type, length, validators and index files', async () => {
    await withServer(app, async (url) => {
      const hello = await rawRequest(`${url}/hello.txt`)
      expect(hello.status).toBe(200)
      expect(hello.body.toString()).toBe(helloText)
      expect(hello.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(hello.headers['content-length']).toBe(`${helloText.length}`)
      expect(hello.headers['last-modified']).toBe('Thu, 02 Jan 2025 03:04:05 GMT')
      expect(hello.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/)
      expect(hello.headers['accept-ranges']).toBe('bytes')
      expect((await rawRequest(`${url}/`)).body.toString()).toBe('<h1>home</h1>')
      expect((await rawRequest(`${url}/docs/`)).body.toString()).toBe('<h1>docs</h1>')
      expect((await rawRequest(`${url}/docs`)).body.toString()).toBe('<h1>docs</h1>')
      expect((await rawRequest(`${url}/image.png`)).headers['content-type']).toBe('image/png')
      expect((await rawRequest(`${url}/data.unknownext`)).headers['content-type']).toBe('text/x-custom')
      expect((await rawRequest(`${url}/link-in.txt`)).body.toString()).toBe(helloText)
      const prefixed = await rawRequest(`${url}/assets/style.css`)
      expect(prefixed.body.toString()).toBe('body{}')
      expect(prefixed.headers['cache-control']).toBe('public, max-age=60')
      const empty = await rawRequest(`${url}/empty.txt`)
      expect([empty.status, empty.headers['content-length'], empty.body.byteLength]).toEqual([200, '0', 0])
    })
  })

  it('streams large files and answers HEAD without a body', async () => {
    await withServer(app, async (url) => {
      const big = await rawRequest(`${url}/big.bin`)
      expect(big.headers['content-length']).toBe(`${tree.big.byteLength}`)
      expect(Buffer.compare(big.body, Buffer.from(tree.big))).toBe(0)
      const head = await rawRequest(`${url}/big.bin`, {}, 'HEAD')
      expect(head.status).toBe(200)
      expect(head.headers['content-length']).toBe(`${tree.big.byteLength}`)
      expect(head.body.byteLength).toBe(0)
    })
  })

  it('falls through to the next handler for missing files and other methods', async () => {
    await withServer(app, async (url) => {
      expect((await rawRequest(`${url}/fallback`)).body.toString()).toBe('route')
      expect((await rawRequest(`${url}/missing.txt`)).status).toBe(404)
      expect((await rawRequest(`${url}/hello.txt/deeper`)).status).toBe(404)
      expect((await rawRequest(`${url}/hello.txt`, {}, 'POST')).status).toBe(404)
    })
  })

  it('answers 304 to If-None-Match and If-Modified-Since', async () => {
    await withServer(app, async (url) => {
      const { etag } = (await rawRequest(`${url}/hello.txt`)).headers as { etag: string }
      const cached = await rawRequest(`${url}/hello.txt`, { 'if-none-match': `"other", ${etag}` })
      expect(cached.status).toBe(304)
      expect(cached.body.byteLength).toBe(0)
      expect(cached.headers.etag).toBe(etag)
      expect((await rawRequest(`${url}/hello.txt`, { 'if-none-match': `W/${etag}` })).status).toBe(304)
      expect((await rawRequest(`${url}/hello.txt`, { 'if-none-match': '*' })).status).toBe(304)
      expect((await rawRequest(`${url}/hello.txt`, { 'if-none-match': '"nope"' })).status).toBe(200)
      const since = (date: string) => rawRequest(`${url}/hello.txt`, { 'if-modified-since': date })
      expect((await since('Thu, 02 Jan 2025 03:04:05 GMT')).status).toBe(304)
      expect((await since('Thu, 02 Jan 2025 03:04:04 GMT')).status).toBe(200)
      expect((await since('not a date')).status).toBe(200)
      // If-None-Match wins over If-Modified-Since
      const both = { 'if-none-match': '"nope"', 'if-modified-since': 'Thu, 02 Jan 2099 00:00:00 GMT' }
      expect((await rawRequest(`${url}/hello.txt`, both)).status).toBe(200)
    })
  })

  it('serves single byte ranges, 416 for unsatisfiable ones, and the whole file otherwise', async () => {
    await withServer(app, async (url) => {
      const range = (value: string, extra: Record<string, string> = {}) =>
        rawRequest(`${url}/hello.txt`, { range: value, ...extra })
      const first = await range('bytes=0-4')
      expect([first.status, first.body.toString(), first.headers['content-range']]).toEqual([
        206,
        'hello',
        `bytes 0-4/${helloText.length}`,
      ])
      expect((await range('bytes=-6')).body.toString()).toBe('world\n')
      expect((await range(`bytes=${helloText.length - 3}-`)).body.toString()).toBe('ld\n')
      expect((await range('bytes=195-9999')).headers['content-range']).toBe('bytes 195-199/200')
      const bigRange = await rawRequest(`${url}/big.bin`, { range: 'bytes=300000-300009' })
      expect(Buffer.compare(bigRange.body, Buffer.from(tree.big.subarray(300000, 300010)))).toBe(0)
      for (const value of ['bytes=500-', 'bytes=-0', `bytes=${helloText.length}-${helloText.length + 5}`]) {
        const unsatisfiable = await range(value)
        expect(unsatisfiable.status, value).toBe(416)
        expect(unsatisfiable.headers['content-range']).toBe(`bytes */${helloText.length}`)
        expect(unsatisfiable.headers['content-type']).toBe('application/problem+json')
        expect(json(unsatisfiable.body).code).toBe('OS_ERR_STATIC_RANGE_NOT_SATISFIABLE')
      }
      // malformed, multiple, reversed or non-byte ranges are ignored: 200 with the whole file
      for (const value of ['bytes=5-1', 'bytes=0-1,5-6', 'items=0-1', 'bytes=x-y', 'bytes=-', 'bytes=0-1;']) {
        const whole = await range(value)
        expect([whole.status, whole.body.byteLength], value).toEqual([200, helloText.length])
      }
      const { etag } = first.headers as { etag: string }
      expect((await range('bytes=0-4', { 'if-range': etag })).status).toBe(206)
      expect((await range('bytes=0-4', { 'if-range': '"old"' })).status).toBe(200)
      expect((await range('bytes=0-4', { 'if-range': `W/${etag}` })).status).toBe(200)
      expect((await range('bytes=0-4', { 'if-range': 'Thu, 02 Jan 2025 03:04:05 GMT' })).status).toBe(206)
      expect((await rawRequest(`${url}/hello.txt`, { range: 'bytes=0-4' }, 'HEAD')).status).toBe(200)
    })
  })

  it('serves precompressed siblings by Accept-Encoding, with Vary', async () => {
    await withServer(app, async (url) => {
      const br = await rawRequest(`${url}/app.js`, { 'accept-encoding': 'gzip, br' })
      expect(br.headers['content-encoding']).toBe('br')
      expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8')
      expect(br.headers.vary).toBe('Accept-Encoding')
      expect(brotliDecompressSync(br.body).toString()).toBe(appJs)
      const gzip = await rawRequest(`${url}/app.js`, { 'accept-encoding': 'gzip, br;q=0.5' })
      expect(gzip.headers['content-encoding']).toBe('gzip')
      expect(gzip.headers.etag).not.toBe(br.headers.etag)
      const zstd = await rawRequest(`${url}/app.js`, { 'accept-encoding': 'zstd, br;q=0.9' })
      expect([zstd.headers['content-encoding'], zstd.body.toString()]).toEqual(['zstd', 'pretend zstd bytes'])
      const identity = await rawRequest(`${url}/app.js`)
      expect(identity.headers['content-encoding']).toBeUndefined()
      expect(identity.body.toString()).toBe(appJs)
      expect(identity.headers.vary).toBe('Accept-Encoding')
      // only a .gz exists: br is asked first, gzip is found next
      expect(
        (await rawRequest(`${url}/style.css`, { 'accept-encoding': 'br, gzip' })).headers['content-encoding'],
      ).toBe('gzip')
      expect(
        (await rawRequest(`${url}/app.js`, { 'accept-encoding': 'br;q=5' })).headers['content-encoding'],
      ).toBeUndefined()
    })
  })

  it.each([
    ['/../secret.txt', 403],
    ['/../public-secret/secret.txt', 403],
    ['/%2e%2e/secret.txt', 403],
    ['/%2E%2E%2Fsecret.txt', 403],
    ['/..%2fpublic-secret%2fsecret.txt', 403],
    ['/docs/..%2f..%2fsecret.txt', 403],
    ['/%252e%252e/secret.txt', 404],
    ['/%252e%252e%252fsecret.txt', 404],
    ['/..%5csecret.txt', 400],
    ['/%5c..%5csecret.txt', 400],
    ['/hello.txt%00.png', 400],
    ['/%00', 400],
    ['/%zz', 400],
    ['/link-out.txt', 403],
    ['/dir-out/secret.txt', 403],
    ['/.env', 403],
    ['/.well-known/security.txt', 403],
    ['/docs/../.env', 403],
    ['/assets/../../secret.txt', 403],
  ])('refuses %s with %i', async (path, status) => {
    await withServer(app, async (url) => {
      const response = await rawRequest(url + path)
      expect(response.status).toBe(status)
      expect(response.body.toString()).not.toContain('TOP SECRET')
      expect(response.headers['content-type']).toBe('application/problem+json')
    })
  })

  it('keeps a literal %2e%2e folder name reachable when spelt double-encoded', async () => {
    await withServer(app, async (url) => {
      expect((await rawRequest(`${url}/%252e%252e/inside.txt`)).body.toString()).toBe('literal name')
    })
  })

  it('handles dotfiles as configured, and falls through for a missing root', async () => {
    const ignoring = new OpenSpeed()
      .use('/ignore/*', serveStatic({ root: tree.root, prefix: '/ignore', dotfiles: 'ignore' }))
      .use('/allow/*', serveStatic({ root: tree.root, prefix: '/allow', dotfiles: 'allow', index: false }))
      .use('/missing/*', serveStatic({ root: `${tree.base}/nope`, precompressed: false }))
      .get('/ignore/.env', (c) => c.text('next'))
    const get = (path: string) => ignoring.request(path)
    expect(await (await get('/ignore/.env')).text()).toBe('next')
    expect(await (await get('/allow/.well-known/security.txt')).text()).toBe('Contact: x')
    expect((await get('/allow/docs/')).status).toBe(404)
    expect((await get('/missing/hello.txt')).status).toBe(404)
    expect((await get('/allowed')).status).toBe(404)
  })

  it('refuses bad options', () => {
    const invalid = expect.objectContaining({ code: 'OS_ERR_STATIC_INVALID_OPTIONS' })
    expect(() => serveStatic({ root: '' })).toThrow(invalid)
    expect(() => serveStatic({} as { root: string })).toThrow(invalid)
    expect(() => serveStatic({ root: '.', dotfiles: 'show' as 'allow' })).toThrow(invalid)
  })
})
