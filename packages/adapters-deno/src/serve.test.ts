import { describe, expect, it } from 'vitest'
import { startDeno } from '../test/_deno.ts'

describe('serve() on Deno', () => {
  it('hands options.env to handlers and the peer address to getConnInfo()', async () => {
    const server = await startDeno('serve-app.ts')
    try {
      expect(await (await fetch(`${server.url}/env`)).json()).toEqual({
        env: { name: 'deno-env' },
        remote: { address: '127.0.0.1', port: expect.any(Number), family: 'IPv4' },
      })
    } finally {
      await server.stop()
    }
  })

  it('finishes in-flight requests on SIGTERM, then runs onClose and ends by the signal', async () => {
    const server = await startDeno('serve-app.ts')
    const slow = fetch(`${server.url}/slow`)
    await server.waitForOutput('arrived slow')
    const stopped = server.stop()
    const response = await slow
    expect(response.status).toBe(200)
    expect((await response.text()).length).toBe(50_000)
    await stopped
    expect(await server.exited).toEqual({ code: null, signal: 'SIGTERM' })
    expect(server.output()).toContain('onClose')
  })

  it('closes when options.signal aborts and lets the process end normally', async () => {
    const server = await startDeno('serve-app.ts')
    expect(await (await fetch(`${server.url}/close`, { method: 'POST' })).text()).toBe('closing')
    await server.waitForOutput('onClose')
    expect(await server.exited).toEqual({ code: 0, signal: null })
  })

  it('leaves SIGTERM alone with gracefulShutdown: false', async () => {
    const server = await startDeno('serve-app.ts', { env: { GRACEFUL: 'false' } })
    await server.stop()
    expect(await server.exited).toEqual({ code: null, signal: 'SIGTERM' })
    expect(server.output()).not.toContain('onClose')
  })
})

describe('toDenoHandler() under `deno serve`', () => {
  it('does not mistake the handler info for c.env', async () => {
    const server = await startDeno('deno-serve-env.ts', { command: 'serve' })
    try {
      expect(await (await fetch(`${server.url}/env`)).json()).toEqual({ env: null })
    } finally {
      await server.stop()
    }
  })
})
