import { HttpError, OpenSpeed } from '@openspeed/core'
import pino from 'pino'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { withServer } from '../../test/_serve.ts'
import { requestId } from '../request-id/index.ts'
import { createConsoleLogger, type LoggerVariables, logger } from './index.ts'

function pinoCapture() {
  const lines: Record<string, unknown>[] = []
  const log = pino({ base: { service: 'test' } }, { write: (line: string) => lines.push(JSON.parse(line)) })
  return { log, lines }
}

function routes(app: OpenSpeed<{ Variables: LoggerVariables }>) {
  return app
    .get('/users/:id', (c) => {
      c.get('logger').info({ user: c.req.param('id') }, 'loading user')
      return c.json({ id: c.req.param('id') })
    })
    .get('/missing', () => {
      throw new HttpError(404, { detail: 'gone' })
    })
    .get('/crash', () => {
      throw new Error('database down')
    })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('logger with pino', () => {
  it('writes one structured line per request with request id, route, status and duration', async () => {
    const { log, lines } = pinoCapture()
    const app = routes(
      new OpenSpeed<{ Variables: LoggerVariables }>({ logError: () => {} })
        .use(requestId())
        .use(logger({ logger: log })),
    )
    const response = await app.request('/users/42?token=secret', { headers: { 'x-request-id': 'req-1' } })
    expect(response.status).toBe(200)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({
      level: 30,
      service: 'test',
      requestId: 'req-1',
      user: '42',
      msg: 'loading user',
    })
    const line = lines[1]!
    expect(line).toMatchObject({
      level: 30,
      requestId: 'req-1',
      method: 'GET',
      route: '/users/:id',
      path: '/users/42',
      status: 200,
      msg: 'request completed',
    })
    expect(typeof line.durationMs).toBe('number')
    expect(JSON.stringify(line)).not.toContain('secret')
  })

  it('logs 4xx as warn and unexpected 5xx as error with the error', async () => {
    const { log, lines } = pinoCapture()
    const app = routes(
      new OpenSpeed<{ Variables: LoggerVariables }>({ logError: () => {} })
        .use(requestId())
        .use(logger({ logger: log })),
    )
    await app.request('/missing')
    await app.request('/crash')
    await app.request('/nowhere')
    expect(lines[0]).toMatchObject({ level: 40, status: 404, route: '/missing' })
    expect(lines[0]!.err).toBeUndefined()
    expect(lines[1]).toMatchObject({ level: 50, status: 500, err: { message: 'database down' } })
    expect(lines[2]).toMatchObject({ level: 40, status: 404, route: null, path: '/nowhere' })
  })

  it('lets the level function skip lines', async () => {
    const { log, lines } = pinoCapture()
    const app = routes(
      new OpenSpeed<{ Variables: LoggerVariables }>().use(
        logger({ logger: log, level: (status) => (status < 400 ? false : 'error') }),
      ),
    )
    await app.request('/users/1')
    await app.request('/missing')
    expect(lines.map((line) => line.msg)).toEqual(['loading user', 'request completed'])
    expect(lines[1]).toMatchObject({ level: 50, status: 404 })
  })
})

describe('the console logger', () => {
  it('is the default and writes pino-shaped JSON lines to console', async () => {
    const info = vi.spyOn(console, 'log').mockImplementation(() => {})
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const app = routes(
      new OpenSpeed<{ Variables: LoggerVariables }>({ logError: () => {} }).use(logger()).use(requestId()),
    )
    await app.request('/users/7', { headers: { 'x-request-id': 'abc' } })
    await app.request('/missing')
    await app.request('/crash')
    const completed = JSON.parse(info.mock.calls[1]![0] as string)
    // requestId() after logger(): the id is still read once the request is answered
    expect(completed).toMatchObject({ level: 30, requestId: 'abc', route: '/users/:id', status: 200 })
    expect(typeof completed.time).toBe('number')
    expect(JSON.parse(warn.mock.calls[0]![0] as string)).toMatchObject({ level: 40, status: 404 })
    const crash = JSON.parse(error.mock.calls[0]![0] as string)
    expect(crash).toMatchObject({ level: 50, status: 500, err: { type: 'Error', message: 'database down' } })
  })

  it('supports child bindings and survives values JSON cannot encode', () => {
    const lines: string[] = []
    const log = createConsoleLogger({ write: (line) => lines.push(line), bindings: { app: 'x' } })
    log.child!({ requestId: 'r' }).warn({ big: 10n }, 'hello')
    const circular: Record<string, unknown> = {}
    circular.self = circular
    log.error(circular, 'loop')
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 40,
      app: 'x',
      requestId: 'r',
      big: '10',
      msg: 'hello',
    })
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 50, app: 'x', msg: 'loop', unserializable: true })
  })

  it('never turns an answered request into a failure when the sink throws', async () => {
    const app = new OpenSpeed()
      .use(
        logger({
          logger: createConsoleLogger({
            write: () => {
              throw new Error('disk full')
            },
          }),
        }),
      )
      .get('/', (c) => c.text('ok'))
    const response = await app.request('/')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('ok')
  })
})

describe('logger over a real socket', () => {
  it('logs requests served by the Node adapter with the echoed request id', async () => {
    const { log, lines } = pinoCapture()
    const app = routes(
      new OpenSpeed<{ Variables: LoggerVariables }>().use(requestId()).use(logger({ logger: log })),
    )
    await withServer(app, async (url) => {
      const response = await fetch(`${url}/users/9`)
      const id = response.headers.get('x-request-id')
      await response.text()
      expect(lines.at(-1)).toMatchObject({ requestId: id, route: '/users/:id', status: 200, method: 'GET' })
    })
  })
})
