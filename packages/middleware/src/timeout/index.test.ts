import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { deferred, problemOf, withServer } from '../../test/_serve.ts'
import { type TimeoutVariables, timeout } from './index.ts'

type E = { Variables: TimeoutVariables }

describe('timeout', () => {
  it('lets fast handlers answer and gives them a live signal', async () => {
    const app = new OpenSpeed<E>().get('/', timeout(10_000), (c) =>
      c.text(String(c.get('timeoutSignal').aborted)),
    )
    const response = await app.request('/')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('false')
  })

  it('answers 504 problem+json and aborts the handler through its signal', async () => {
    const aborted = deferred<unknown>()
    const app = new OpenSpeed<E>({ logError: () => {} }).get('/slow', timeout(50), async (c) => {
      const signal = c.get('timeoutSignal')
      await new Promise((_, reject) =>
        signal.addEventListener('abort', () => {
          aborted.resolve(signal.reason)
          reject(signal.reason)
        }),
      )
    })
    const response = await app.request('/slow')
    expect(response.status).toBe(504)
    expect(await problemOf(response)).toMatchObject({
      status: 504,
      code: 'OS_ERR_TIMEOUT_EXCEEDED',
      detail: 'The request took longer than 50 ms',
    })
    const reason = await aborted.promise
    expect(reason).toBeInstanceOf(DOMException)
    expect((reason as DOMException).name).toBe('TimeoutError')
  })

  it('answers 503 when configured, with a custom detail', async () => {
    const app = new OpenSpeed().get(
      '/',
      timeout(20, { status: 503, detail: 'busy' }),
      () => new Promise(() => {}),
    )
    const response = await app.request('/')
    expect(response.status).toBe(503)
    expect(await problemOf(response)).toMatchObject({ title: 'Service Unavailable', detail: 'busy' })
  })

  it('never lets a late result replace the timeout answer', async () => {
    const release = deferred()
    const handlerDone = deferred()
    let seenByOuter: number | undefined
    const app = new OpenSpeed()
      .use(async (c, next) => {
        await next()
        release.resolve()
        await handlerDone.promise
        // the late handler has returned by now; the answer is still the timeout
        await new Promise((resolve) => setTimeout(resolve, 10))
        seenByOuter = c.res?.status
        c.header('x-outer', 'kept')
      })
      .get('/late', timeout(20), async (c) => {
        await release.promise
        handlerDone.resolve()
        return c.text('late result', 200)
      })
    const response = await app.request('/late')
    expect(response.status).toBe(504)
    expect(response.headers.get('x-outer')).toBe('kept')
    expect(await response.text()).not.toContain('late result')
    expect(seenByOuter).toBe(504)
  })

  it('rejects invalid settings when created', () => {
    expect(() => timeout(0)).toThrow(/ms/)
    expect(() => timeout(Number.NaN)).toThrow(/ms/)
    expect(() => timeout(10, { status: 500 as 503 })).toThrow(/status/)
  })
})

describe('timeout over a real socket', () => {
  it('answers 504 through the Node adapter while the handler is still running', async () => {
    const finished = deferred<boolean>()
    const app = new OpenSpeed<E>({ logError: () => {} }).get('/slow', timeout(50), async (c) => {
      const signal = c.get('timeoutSignal')
      await new Promise((resolve) => signal.addEventListener('abort', resolve))
      finished.resolve(signal.aborted)
      return c.text('too late')
    })
    await withServer(app, async (url) => {
      const response = await fetch(`${url}/slow`)
      expect(response.status).toBe(504)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect(await finished.promise).toBe(true)
      const again = await fetch(`${url}/slow`)
      expect(again.status).toBe(504)
    })
  })
})
