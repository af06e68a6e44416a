import { defineShutdownSuite } from '@openspeed/conformance'
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
})

defineShutdownSuite({ name: 'Deno', start: (env) => startDeno('serve-app.ts', { env }) })

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
