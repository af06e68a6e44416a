import { gunzipSync } from 'node:zlib'
import { describe, expect, it, vi } from 'vitest'
import { compressedText, createFixtureApp, fixtureOnCloseMarker } from './fixture.ts'

// in memory, through app.request(); the same routes run over real sockets in every adapter's
// conformance test
const app = createFixtureApp()

describe('createFixtureApp', () => {
  it('gzips /gzip with CompressionStream', async () => {
    const response = await app.request('/gzip')
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(new Uint8Array(await response.arrayBuffer())).toString()).toBe(compressedText)
  })

  it('holds the gated stream until the gate opens', async () => {
    const response = await app.request('/stream/gated/t1')
    const reader = response.body!.getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first\n')
    expect((await app.request('/gate/t1', { method: 'POST' })).status).toBe(204)
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('second\n')
  })

  it('records a client abort, seen through the events route', async () => {
    const controller = new AbortController()
    const pending = app.request('/abort/hang/t2', { signal: controller.signal })
    expect(await (await app.request('/events/started:t2')).json()).toEqual({ happened: true })
    controller.abort()
    expect(await (await pending).text()).toBe('aborted')
    expect(await (await app.request('/events/aborted:t2')).json()).toEqual({ happened: true })
  })

  it('records an abort of a streamed response', async () => {
    const controller = new AbortController()
    const response = await app.request('/abort/stream/t3', { signal: controller.signal })
    const reader = response.body!.getReader()
    await reader.read()
    controller.abort()
    expect(await (await app.request('/events/aborted:t3')).json()).toEqual({ happened: true })
  })

  it('echoes binary bodies and digests them', async () => {
    const body = new Uint8Array([0, 255, 1])
    const echo = await app.request('/echo/binary', { method: 'POST', body })
    expect(new Uint8Array(await echo.arrayBuffer())).toEqual(body)
    const digest = await app.request('/echo/digest', { method: 'POST', body: 'abc' })
    expect(await digest.json()).toEqual({
      size: 3,
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    })
  })

  it('answers the plain routes', async () => {
    expect(
      await (
        await app.request('/echo/json', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '[1]',
        })
      ).json(),
    ).toEqual({ received: [1] })
    const form = new FormData()
    form.append('a', '1')
    form.append('f', new Blob(['x']), 'f.txt')
    expect(await (await app.request('/echo/form', { method: 'POST', body: form })).json()).toMatchObject({
      a: ['1'],
      f: [{ name: 'f.txt', size: 1 }],
    })
    expect((await app.request('/cookies')).headers.getSetCookie()).toHaveLength(2)
    expect(await (await app.request('/conn')).json()).toEqual({ remote: {} })
    expect((await app.request('/errors/http')).status).toBe(409)
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect((await app.request('/errors/crash')).status).toBe(500)
    log.mockRestore()
    expect((await app.request('/redirect/permanent')).status).toBe(308)
    expect(await (await app.request('/sse')).text()).toContain('event: tick\nid: 3\ndata: line 3\ndata: more')
  })

  it('prints the marker on close, or runs options.onClose instead', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    await createFixtureApp().close()
    expect(log).toHaveBeenCalledWith(fixtureOnCloseMarker)
    log.mockRestore()
    const onClose = vi.fn()
    await createFixtureApp({ onClose }).close()
    expect(onClose).toHaveBeenCalledOnce()
  })
})
