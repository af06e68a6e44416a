import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it, vi } from 'vitest'
import { fixture, lambdaContext } from '../test/_lambda.ts'
import { LambdaAdapterError } from './errors.ts'
import { handle } from './handle.ts'

const app = new OpenSpeed({ bodyLimit: 8 })
  .get('/my/path', (c) => c.text('ok'))
  .post('/my/path', async (c) => c.text(await c.req.text()))
  .get('/books/:title', (c) => c.text(c.req.param('title')))
  .get('/boom', () => {
    throw new Error('secret internals')
  })
const handler = handle(app, { logError: () => {} })
const problem = (result: { body?: string }) => JSON.parse(result.body!)

describe('events that are not HTTP events: thrown, so the invocation fails', () => {
  it.each([
    ['null', null],
    ['a string', 'GET /'],
    ['an SQS event', { Records: [{ messageId: '1', body: 'x' }] }],
    ['no requestContext', { httpMethod: 'GET', path: '/' }],
    ['an unknown requestContext', { requestContext: { accountId: '1' } }],
  ])('%s throws OS_ERR_LAMBDA_UNSUPPORTED_EVENT', async (_, event) => {
    const error = await handler(event as never, lambdaContext()).catch((error: unknown) => error)
    expect(LambdaAdapterError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code: 'OS_ERR_LAMBDA_UNSUPPORTED_EVENT', name: 'LambdaAdapterError' })
  })

  it('recognises the brand across copies but not lookalikes', () => {
    expect(LambdaAdapterError.isInstance(new Error('x'))).toBe(false)
    expect(LambdaAdapterError.isInstance({ code: 'OS_ERR_LAMBDA_UNSUPPORTED_EVENT' })).toBe(false)
    expect(LambdaAdapterError.isInstance(null)).toBe(false)
  })
})

describe('malformed HTTP events: a 400 problem response in the event format', () => {
  it('a 2.0 event without requestContext.http', async () => {
    const event = fixture('function-url')
    delete event.requestContext.http
    const result = await handler(event, lambdaContext())
    expect(result).toMatchObject({ statusCode: 400, headers: { 'content-type': 'application/problem+json' } })
    expect(problem(result)).toMatchObject({
      status: 400,
      code: 'OS_ERR_LAMBDA_INVALID_EVENT',
      detail: 'The event has no HTTP method',
    })
  })

  it('a 1.0 event without a path', async () => {
    const event = fixture('http-api-v1')
    delete event.path
    const result = await handler(event, lambdaContext())
    expect(result.statusCode).toBe(400)
    expect(problem(result)).toMatchObject({ code: 'OS_ERR_LAMBDA_INVALID_EVENT' })
    expect(problem(result).detail).toMatch(/no path/)
  })

  it('a body marked base64 that is not base64', async () => {
    for (const body of ['not base64!', 'QUJD=', 'QUJDRA', 'QU JD']) {
      const event = fixture('function-url')
      Object.assign(event, { body, isBase64Encoded: true })
      const result = await handler(event, lambdaContext())
      expect(result.statusCode).toBe(400)
      expect(problem(result)).toMatchObject({ code: 'OS_ERR_LAMBDA_INVALID_BASE64' })
    }
  })

  it('a header with a line break, a method that is not a token, a path with a lone surrogate', async () => {
    const header = fixture('alb')
    header.headers['x-evil'] = 'a\r\nset-cookie: x=1'
    expect(problem(await handler(header, lambdaContext()))).toMatchObject({
      code: 'OS_ERR_LAMBDA_INVALID_EVENT',
      detail: 'The event\'s header "x-evil" has an invalid name or value',
    })
    const method = fixture('rest-api-v1')
    method.httpMethod = 'GE T'
    expect(problem(await handler(method, lambdaContext())).detail).toMatch(
      /method "GE T" is not a valid HTTP method/,
    )
    const path = fixture('http-api-v2')
    path.rawPath = '/books/\uD800'
    expect((await handler(path, lambdaContext())).statusCode).toBe(400)
  })
})

describe('requests the app answers', () => {
  it('a body over the bodyLimit is 413', async () => {
    const event = fixture('function-url')
    const result = await handler(event, lambdaContext())
    expect(result.statusCode).toBe(413)
    expect(problem(result)).toMatchObject({ code: 'OS_ERR_REQUEST_BODY_TOO_LARGE' })
  })

  it('a GET event with a body reaches the app without it', async () => {
    const event = fixture('function-url')
    event.requestContext.http.method = 'GET'
    expect(await handler(event, lambdaContext())).toMatchObject({ statusCode: 200, body: 'ok' })
  })

  it.each(['evil.example/path?', 'localhost:99999', 'a:b', '[::1'])(
    'a host header no URL can hold (%s) falls back to the API domain',
    async (host) => {
      const echoUrl = new OpenSpeed().get('/my/path', (c) =>
        c.text(`${new URL(c.req.url).host} ${c.req.header('host')}`),
      )
      const event = fixture('function-url')
      event.requestContext.http.method = 'GET'
      event.headers.host = host
      const result = await handle(echoUrl)(event, lambdaContext())
      // the app sees one authority: the URL's and the Host header's
      const domain = 'abcdefg.lambda-url.us-east-1.on.aws'
      expect(result).toMatchObject({ statusCode: 200, body: `${domain} ${domain}` })
    },
  )

  it('without a usable host or domain the URL names localhost', async () => {
    const echoUrl = new OpenSpeed().get('/my/path', (c) => c.text(c.req.url))
    const event = fixture('function-url')
    event.requestContext.http.method = 'GET'
    event.headers.host = 'evil.example/path?'
    expect((await handle(echoUrl)(event, lambdaContext())).body).toBe(
      'https://abcdefg.lambda-url.us-east-1.on.aws/my/path?parameter1=value1&parameter1=value2&parameter2=value',
    )
    delete event.headers.host
    delete event.requestContext.domainName
    expect((await handle(echoUrl)(event, lambdaContext())).body).toMatch(/^https:\/\/localhost\/my\/path\?/)
  })

  it('a handler error is a 500 that leaks nothing', async () => {
    const event = fixture('http-api-v2')
    event.rawPath = '/boom'
    event.requestContext.http.method = 'GET'
    const result = await handle(app, { logError: () => {} })(event, lambdaContext())
    expect(result.statusCode).toBe(500)
    expect(result.body).not.toMatch(/secret/)
  })

  it('an app that cannot start answers 500 and reports why', async () => {
    const failing = new OpenSpeed().addHook('onStart', () => {
      throw new Error('database unreachable')
    })
    const logError = vi.fn()
    const result = await handle(failing, { logError })(fixture('alb'), lambdaContext())
    expect(result).toMatchObject({ statusCode: 500, headers: { 'content-type': 'application/problem+json' } })
    expect(problem(result)).toMatchObject({ code: 'OS_ERR_INTERNAL' })
    expect(String(logError.mock.calls[0]![0])).toMatch(/database unreachable/)
  })

  it('a stream body that fails midway becomes a clean 500', async () => {
    const streaming = new OpenSpeed().get('/lambda', () => {
      const body = new ReadableStream({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode('partial'))
          controller.error(new Error('upstream reset'))
        },
      })
      return new Response(body, { headers: { 'content-type': 'text/plain' } })
    })
    const logError = vi.fn()
    const result = await handle(streaming, { logError })(fixture('alb'), lambdaContext())
    expect(result).toMatchObject({ statusCode: 500, headers: { 'content-type': 'application/problem+json' } })
    expect(problem(result)).toMatchObject({ status: 500, code: 'OS_ERR_INTERNAL' })
    expect(result.body).not.toMatch(/partial|upstream/)
    expect(logError).toHaveBeenCalledWith(new Error('upstream reset'))
  })
})
