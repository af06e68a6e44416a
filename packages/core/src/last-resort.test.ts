import { describe, expect, it, vi } from 'vitest'
import { FastResponse } from './fast-response.ts'
import { defaultLogError, internalErrorResponse, respondSafely } from './last-resort.ts'
import { OpenSpeed } from './open-speed.ts'
import { WebRequestSource } from './request-source.ts'

// a header value the Web `Headers` refuses: responding throws after the app has answered
const badHeader = { 'x-bad': 'a\u0000b' }
const app = new OpenSpeed()
  .get('/sync', () => new FastResponse(200, badHeader, 'never sent'))
  .get('/async', async () => new FastResponse(200, badHeader, 'never sent'))
  .get('/ok', (c) => c.text('fine'))
const source = (path: string) => new WebRequestSource(new Request(`http://localhost${path}`))

async function expectInternalError(response: Response): Promise<void> {
  expect(response.status).toBe(500)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const body = await response.json()
  expect(body).toEqual({
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    code: 'OS_ERR_INTERNAL',
  })
  expect(JSON.stringify(body)).not.toMatch(/x-bad|TypeError|at /)
}

describe('respondSafely', () => {
  it('answers like app.respond() when nothing fails', async () => {
    expect(await (await respondSafely(app, source('/ok'))).text()).toBe('fine')
  })

  it.each(['/sync', '/async'])('turns a failure to respond on %s into the coded 500', async (path) => {
    const logError = vi.fn()
    await expectInternalError(await respondSafely(app, source(path), undefined, undefined, logError))
    expect(logError).toHaveBeenCalledWith(expect.any(TypeError))
  })

  it('still answers when the logger itself throws', async () => {
    const logError = () => {
      throw new Error('logger down')
    }
    await expectInternalError(await respondSafely(app, source('/async'), undefined, undefined, logError))
    await expectInternalError(await respondSafely(app, source('/sync'), undefined, undefined, logError))
  })

  it('logs to defaultLogError by default', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    await expectInternalError(await respondSafely(app, source('/sync')))
    expect(consoleError).toHaveBeenCalledWith('[openspeed] unhandled error:', expect.any(TypeError))
    consoleError.mockRestore()
  })
})

describe('internalErrorResponse', () => {
  it('is a fresh coded 500 each time, so a writer may add headers', async () => {
    const first = internalErrorResponse()
    first.headers['content-length'] = '1'
    expect(internalErrorResponse().headers).toEqual({ 'content-type': 'application/problem+json' })
    await expectInternalError(internalErrorResponse().toResponse())
  })
})

describe('defaultLogError', () => {
  it('names the request when it has a context', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failing = new OpenSpeed().get('/boom', () => {
      throw new Error('boom')
    })
    expect((await failing.request('/boom', { method: 'GET' })).status).toBe(500)
    expect(consoleError).toHaveBeenCalledWith('[openspeed] unhandled error in GET /boom:', new Error('boom'))
    defaultLogError(new Error('no request'))
    expect(consoleError).toHaveBeenLastCalledWith('[openspeed] unhandled error:', new Error('no request'))
    consoleError.mockRestore()
  })
})
