import { once } from 'node:events'
import { connect, createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { nodeSourceArgs } from './runtimes.ts'
import { freePort, spawnServer } from './spawn-server.ts'

const script = fileURLToPath(new URL('../test/fixtures/print.mjs', import.meta.url))
const start = (mode: string, options: { startTimeout?: number; stopTimeout?: number } = {}) =>
  spawnServer({ command: process.execPath, args: [script], env: { MODE: mode }, ...options })

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('spawnServer', () => {
  it('returns the announced URL without a trailing slash, collects output, and stops with SIGTERM', async () => {
    const server = await start('plain')
    expect(server.url).toBe('http://127.0.0.1:2')
    await server.waitForOutput('later line')
    expect(server.output()).toContain('listening on')
    await server.stop()
    await server.stop()
    expect(await server.exited).toEqual({ code: null, signal: 'SIGTERM' })
  })

  it('fails with the output when the command exits before listening', async () => {
    await expect(start('exit')).rejects.toThrow(/exited \(3\) before listening:\nboom/)
  })

  it('fails after startTimeout when the command never announces itself, and stops it', async () => {
    await expect(start('silent', { startTimeout: 500 })).rejects.toThrow(/did not print its URL in 500 ms/)
  })

  it('fails for a command that cannot be started', async () => {
    await expect(spawnServer({ command: '/nonexistent/binary' })).rejects.toThrow(/ENOENT/)
  })

  it('sends SIGKILL when the process ignores SIGTERM past stopTimeout', async () => {
    const server = await start('stubborn', { stopTimeout: 300 })
    await server.stop()
    expect((await server.exited).signal).toBe('SIGKILL')
    expect(server.output()).toContain('ignoring SIGTERM')
  })

  it('signals the whole process group, so a wrapper and its real server both end', async () => {
    const server = await start('wrapper')
    const child = Number(/pid (\d+)/.exec(server.output())![1])
    expect(alive(child)).toBe(true)
    await server.stop()
    expect(alive(child)).toBe(false)
  })

  it('rejects waitForOutput on timeout and when the process exits without the text', async () => {
    const server = await start('plain')
    await expect(server.waitForOutput(/never printed/, 100)).rejects.toThrow(/after 100 ms/)
    const waiting = server.waitForOutput('never printed either')
    await server.stop()
    await expect(waiting).rejects.toThrow(/exited without printing/)
  })
})

describe('spawnServer when the test process dies', () => {
  it.each(['SIGKILL', 'SIGINT'] as const)(
    'stops the servers it started when killed by %s',
    async (signal) => {
      const harness = await spawnServer({
        command: process.execPath,
        args: [
          ...nodeSourceArgs(),
          fileURLToPath(new URL('../test/fixtures/spawn-then-wait.ts', import.meta.url)),
        ],
        ready: /spawned (\S+)/,
      })
      const { port } = new URL(harness.url)
      const connection = connect(Number(port), '127.0.0.1')
      try {
        await once(connection, 'connect')
        // a reset is the server going away too; `close` follows it
        connection.on('error', () => {})
        const closed = new Promise((resolve) => connection.once('close', resolve))
        // the test process alone, as a runner stopping its worker or a Ctrl-C would end it
        process.kill(harness.pid, signal)
        expect(await harness.exited).toEqual({ code: null, signal })
        // the server's end of the connection closes: its process is gone
        await closed
      } finally {
        connection.destroy()
        await harness.stop()
      }
    },
  )
})

it('freePort returns a port that can be listened on', async () => {
  const port = await freePort()
  const server = createServer().listen(port, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  await new Promise((resolve) => server.close(resolve))
})
