import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineShutdownSuite, rawExchange, type SpawnedServer } from '@openspeed/conformance'
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
      remote: { address: '127.0.0.1', port: expect.any(Number), family: 'IPv4' },
    })
  })
})

describe('serve() on Bun: a Host no URL can hold', () => {
  let server: SpawnedServer
  beforeAll(async () => {
    server = await startBun('trailing-slash-app.ts')
  })
  afterAll(() => server.stop())

  it('is a 400 problem, not a redirect to an unparseable URL, with trailingSlash: redirect', async () => {
    for (const host of ['localhost:99999', 'a:b', 'evil.test/x?']) {
      const answer = await rawExchange(server.url, `GET /a/?x=1 HTTP/1.1\r\nHost: ${host}`)
      expect({ host, status: answer.status }).toEqual({ host, status: 400 })
      expect(JSON.parse(answer.body).code).toBe('OS_ERR_REQUEST_INVALID_HOST')
    }
    const redirect = await rawExchange(server.url, 'GET /a/?x=1 HTTP/1.1\r\nHost: example.com')
    expect(redirect.status).toBe(308)
    expect(redirect.headers.location).toBe('/a?x=1')
    const served = await rawExchange(server.url, 'GET /a HTTP/1.1\r\nHost: example.com:8080')
    expect(served.body).toBe('example.com:8080')
  })
})

defineShutdownSuite({ name: 'Bun', start: (env) => startBun('serve-app.ts', { STATIC_DIR: dir, ...env }) })
