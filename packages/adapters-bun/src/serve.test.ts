import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SpawnedServer } from '@openspeed/conformance'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBun } from '../test/_bun.ts'

const dir = mkdtempSync(join(tmpdir(), 'openspeed-bun-static-'))
mkdirSync(join(dir, 'assets', 'css'), { recursive: true })
writeFileSync(join(dir, 'favicon.ico'), Uint8Array.from([0, 1, 2, 3]))
writeFileSync(join(dir, 'assets', 'css', 'site.css'), 'body { color: red }')
writeFileSync(join(dir, 'secret.txt'), 'outside the assets directory')

describe('serve() on Bun: static files, env and conn info', () => {
  let server: SpawnedServer
  beforeAll(async () => {
    server = await startBun('serve-app.ts', { STATIC_DIR: dir })
  })
  afterAll(() => server.stop())

  it('serves a mapped file and files under a mapped directory with their content types', async () => {
    const icon = await fetch(`${server.url}/favicon.ico`)
    expect(icon.status).toBe(200)
    expect(new Uint8Array(await icon.arrayBuffer())).toEqual(Uint8Array.from([0, 1, 2, 3]))
    const css = await fetch(`${server.url}/assets/css/site.css`)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
    expect(await css.text()).toBe('body { color: red }')
    const head = await fetch(`${server.url}/assets/css/site.css`, { method: 'HEAD' })
    expect(head.headers.get('content-length')).toBe('19')
    expect(await head.text()).toBe('')
  })

  it('lets the app answer missing files, other methods and paths that try to leave the directory', async () => {
    const missing = await fetch(`${server.url}/assets/nope.css`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toBe('application/problem+json')
    for (const path of [
      '/assets/..%2Fsecret.txt',
      '/assets/%2e%2e/secret.txt',
      '/assets/css/..%5C..%5Csecret.txt',
    ]) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.status, path).toBe(404)
      expect(await response.text()).not.toContain('outside')
    }
    const posted = await fetch(`${server.url}/favicon.ico`, { method: 'POST' })
    expect(await posted.text()).toBe('posted to the app')
    expect(await (await fetch(`${server.url}/assets`)).text()).not.toContain('color')
  })

  it('hands options.env to handlers and the peer address to getConnInfo()', async () => {
    expect(await (await fetch(`${server.url}/env`)).json()).toEqual({
      env: { name: 'bun-env' },
      remote: '127.0.0.1',
    })
  })
})

describe('serve() on Bun: shutdown', () => {
  it('finishes in-flight requests on SIGTERM, then runs onClose and ends by the signal', async () => {
    const server = await startBun('serve-app.ts', { STATIC_DIR: dir })
    const slow = fetch(`${server.url}/slow`)
    await server.waitForOutput('arrived slow')
    const stopped = server.stop()
    const response = await slow
    expect(response.status).toBe(200)
    expect((await response.text()).length).toBe(50_000)
    await stopped
    expect(await server.exited).toEqual({ code: null, signal: 'SIGTERM' })
    expect(server.output()).toContain('onClose')
    await expect(fetch(`${server.url}/`)).rejects.toThrow()
  })

  it('closes when options.signal aborts, without ending the process by a signal', async () => {
    const server = await startBun('serve-app.ts', { STATIC_DIR: dir })
    expect(await (await fetch(`${server.url}/close`, { method: 'POST' })).text()).toBe('closing')
    await server.waitForOutput('onClose')
    // nothing keeps the event loop alive once the server is closed
    expect(await server.exited).toEqual({ code: 0, signal: null })
  })

  it('leaves SIGTERM alone with gracefulShutdown: false', async () => {
    const server = await startBun('serve-app.ts', { STATIC_DIR: dir, GRACEFUL: 'false' })
    await server.stop()
    expect(await server.exited).toEqual({ code: null, signal: 'SIGTERM' })
    expect(server.output()).not.toContain('onClose')
  })
})
