import { once } from 'node:events'
import type { Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import { OpenSpeed } from '@openspeed/core'
import { afterEach, describe, expect, it } from 'vitest'
import { type ServeHandle, serve } from './serve.ts'

const handles: ServeHandle[] = []
const sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await Promise.all(handles.splice(0).map((handle) => handle.close()))
})

const app = new OpenSpeed().get('/', (c) => c.text('served'))
const base = { port: 0, hostname: '127.0.0.1', gracefulShutdown: false } as const

async function start(options: Parameters<typeof serve>[1] = {}): Promise<ServeHandle> {
  const handle = await serve(app, { ...base, ...options })
  handles.push(handle)
  return handle
}

/**
 * A slow-loris client: the request line, then one byte of a header that never ends every few ms.
 * Resolves with what the server sent once the server closes the socket.
 */
function slowLoris(port: number): { closed: Promise<string>; bytesSent: () => number } {
  const socket = connect(port, '127.0.0.1')
  sockets.push(socket)
  let sent = 0
  let received = ''
  socket.setEncoding('latin1')
  socket.on('data', (chunk: string) => {
    received += chunk
  })
  socket.on('error', () => {})
  socket.once('connect', () => {
    socket.write('GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ')
    const drip = setInterval(() => {
      if (socket.destroyed) return clearInterval(drip)
      socket.write('a')
      sent++
    }, 10)
    socket.once('close', () => clearInterval(drip))
  })
  return { closed: once(socket, 'close').then(() => received), bytesSent: () => sent }
}

describe('serve(): slow clients', () => {
  it('sets timeouts safer than Node’s defaults', async () => {
    const server = (await start()).server as Server
    expect(server.headersTimeout).toBe(10_000)
    expect(server.requestTimeout).toBe(60_000)
    expect(server.keepAliveTimeout).toBe(5_000)
    const custom = (await start({ requestTimeout: 3_000, keepAliveTimeout: 65_000 })).server as Server
    // a request timeout below the headers default lowers the headers timeout with it
    expect([custom.headersTimeout, custom.requestTimeout, custom.keepAliveTimeout]).toEqual([
      3_000, 3_000, 65_000,
    ])
  })

  it('drops sockets that send the headers one byte at a time, while normal requests are served', async () => {
    const handle = await start({ headersTimeout: 300, requestTimeout: 600, connectionsCheckingInterval: 50 })
    const slow = Array.from({ length: 20 }, () => slowLoris(handle.port))
    // served while the slow sockets hang on
    for (let i = 0; i < 5; i++) expect(await (await fetch(handle.url)).text()).toBe('served')
    const answers = await Promise.all(slow.map((client) => client.closed))
    for (const answer of answers) {
      expect(answer).toMatch(/^HTTP\/1\.1 408 /)
      expect(answer).toContain('"code":"OS_ERR_REQUEST_TIMEOUT"')
    }
    // each was cut off long before its header could have ended
    for (const client of slow) expect(client.bytesSent()).toBeLessThan(10_000)
    expect(await (await fetch(handle.url)).text()).toBe('served')
  })

  it('closes idle keep-alive connections after keepAliveTimeout', async () => {
    const handle = await start({ keepAliveTimeout: 1_000 })
    const socket = connect(handle.port, '127.0.0.1')
    sockets.push(socket)
    let received = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      received += chunk
    })
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n')
    await once(socket, 'close')
    expect(received).toMatch(/^HTTP\/1\.1 200 [\s\S]*\r\n\r\nserved$/)
    expect(received).toMatch(/keep-alive: timeout=1\b/i)
  })
})
