import { type ChildProcess, spawn } from 'node:child_process'
import { Agent } from 'node:http'
import { fileURLToPath } from 'node:url'
import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { deferred, getWithAgent } from '../test/_helpers.ts'
import { serve } from './serve.ts'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

interface Child {
  process: ChildProcess
  url: string
  lines: string[]
  /** Resolves once stdout has printed `count` lines starting with `prefix`. */
  waitFor(prefix: string, count?: number): Promise<void>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stderr(): string
}

async function startFixture(env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(
    process.execPath,
    ['--conditions=@openspeed/source', '--import', 'tsx', 'test/fixtures/shutdown-app.ts'],
    { cwd: packageDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const lines: string[] = []
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (text: string) => {
    stderr += text
  })
  const waiters: (() => void)[] = []
  let buffered = ''
  child.stdout!.setEncoding('utf8').on('data', (text: string) => {
    buffered += text
    const parts = buffered.split('\n')
    buffered = parts.pop()!
    lines.push(...parts)
    for (const waiter of waiters.splice(0)) waiter()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  const waitFor = (prefix: string, count = 1): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (lines.filter((line) => line.startsWith(prefix)).length >= count) resolve()
        else if (child.exitCode !== null || child.signalCode !== null)
          reject(new Error(`exited: ${lines.join('|')}`))
        else waiters.push(check)
      }
      check()
    })
  await waitFor('listening')
  const url = lines.find((line) => line.startsWith('listening'))!.split(' ')[1]!
  return { process: child, url, lines, waitFor, exited, stderr: () => stderr }
}

describe('graceful shutdown on signals (child process)', () => {
  it('on SIGTERM: finishes 20 in-flight requests, then runs onClose, then exits by the signal', async () => {
    const child = await startFixture()
    const agent = new Agent({ keepAlive: true, maxSockets: 25 })
    // leaves an idle keep-alive connection that must not hold the shutdown up
    await getWithAgent(`${child.url}/slow`, agent)
    const requests = Array.from({ length: 20 }, () => getWithAgent(`${child.url}/slow`, agent))
    await child.waitFor('arrived', 21)
    const signalledAt = Date.now()
    child.process.kill('SIGTERM')
    const results = await Promise.all(requests)
    expect(results.every(({ response, body }) => response.statusCode === 200 && body.length === 50_000)).toBe(
      true,
    )
    expect(await child.exited).toEqual({ code: null, signal: 'SIGTERM' })
    expect(Date.now() - signalledAt).toBeLessThan(5000)
    const onClose = child.lines.indexOf('onClose')
    expect(onClose).toBeGreaterThan(-1)
    expect(child.lines.slice(0, onClose).filter((line) => line === 'finished')).toHaveLength(21)
    expect(child.lines.slice(onClose + 1)).toEqual([])
    agent.destroy()
  })

  it('destroys requests still running after the timeout, then runs onClose and exits', async () => {
    const child = await startFixture({ SHUTDOWN_TIMEOUT: '300' })
    const hanging = fetch(`${child.url}/hang`)
    await child.waitFor('arrived hang')
    child.process.kill('SIGINT')
    await expect(hanging).rejects.toThrow()
    expect(await child.exited).toEqual({ code: null, signal: 'SIGINT' })
    expect(child.lines).toContain('onClose')
  })

  it('exits with code 1 when an onClose hook fails', async () => {
    const child = await startFixture({ FAIL_ON_CLOSE: '1' })
    child.process.kill('SIGTERM')
    expect(await child.exited).toEqual({ code: 1, signal: null })
    expect(child.lines).toContain('onClose')
    expect(child.stderr()).toContain('graceful shutdown failed: Error: onClose failed')
  })

  it('stops waiting at a second signal', async () => {
    const child = await startFixture()
    const hanging = fetch(`${child.url}/hang`)
    await child.waitFor('arrived hang')
    const signalledAt = Date.now()
    child.process.kill('SIGTERM')
    setTimeout(() => child.process.kill('SIGTERM'), 200)
    await expect(hanging).rejects.toThrow()
    expect(await child.exited).toEqual({ code: null, signal: 'SIGTERM' })
    expect(Date.now() - signalledAt).toBeLessThan(5000)
    expect(child.lines).toContain('onClose')
  })
})

describe('signal listeners (in this process)', () => {
  it('drains on the signal, runs onClose, removes its listener, then raises the signal again', async () => {
    // another listener stays installed, so the raised signal reaches it instead of ending vitest
    const received: string[] = []
    const raisedAgain = deferred()
    const observer = (): void => {
      received.push('signal')
      if (received.filter((event) => event === 'signal').length === 2) raisedAgain.resolve()
    }
    process.on('SIGUSR2', observer)
    const app = new OpenSpeed().addHook('onClose', () => {
      received.push('onClose')
    })
    const handle = await serve(app, {
      port: 0,
      hostname: '127.0.0.1',
      gracefulShutdown: { signals: ['SIGUSR2'] },
    })
    expect(process.listenerCount('SIGUSR2')).toBe(2)
    process.kill(process.pid, 'SIGUSR2')
    await raisedAgain.promise
    process.off('SIGUSR2', observer)
    expect(received).toEqual(['signal', 'onClose', 'signal'])
    expect(process.listenerCount('SIGUSR2')).toBe(0)
    expect(handle.server.listening).toBe(false)
  })

  it('destroys open connections at a second signal', async () => {
    const observer = (): void => {}
    process.on('SIGUSR2', observer)
    const arrived = deferred()
    const app = new OpenSpeed().get('/hang', () => {
      arrived.resolve()
      return new Promise<never>(() => {})
    })
    const handle = await serve(app, {
      port: 0,
      hostname: '127.0.0.1',
      gracefulShutdown: { signals: ['SIGUSR2'] },
    })
    const hanging = fetch(`${handle.url}/hang`)
    await arrived.promise
    process.kill(process.pid, 'SIGUSR2')
    await new Promise((resolve) => setTimeout(resolve, 50))
    process.kill(process.pid, 'SIGUSR2')
    await expect(hanging).rejects.toThrow()
    await handle.close()
    process.off('SIGUSR2', observer)
  })
})
