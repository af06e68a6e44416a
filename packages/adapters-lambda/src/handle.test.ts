import { getConnInfo, OpenSpeed } from '@openspeed/core'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { describe, expect, it, vi } from 'vitest'
import { fixture, lambdaContext } from '../test/_lambda.ts'
import { handle } from './handle.ts'
import type { LambdaBindings } from './types.ts'

const info = (c: any) => ({
  method: c.req.method,
  url: c.req.url,
  path: c.req.path,
  query: c.req.queries(),
  custom: c.req.header('x-custom') ?? null,
  cookies: c.req.cookie(),
  remote: getConnInfo(c).remote,
})
const echo = (c: any) => c.json(info(c))

const app = new OpenSpeed<{ Bindings: LambdaBindings }>()
  .get('/books/:title', echo)
  .post('/books/:title', async (c) => c.json({ ...info(c), body: await c.req.json() }))
  .get('/my/path', echo)
  .post('/my/path', async (c) =>
    c.text(`${(c.env.event as APIGatewayProxyEventV2).requestContext.requestId}:${await c.req.text()}`),
  )
  .get('/lambda', echo)
  .post('/lambda', async (c) => c.json({ ...info(c), form: Object.fromEntries(await c.req.formData()) }))
  .post('/upload', async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer())
    return c.body(bytes.reverse(), 200, { 'content-type': 'application/octet-stream' })
  })
  .get('/cookies', (c) => {
    c.header('set-cookie', 'a=1; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT', { append: true })
    c.header('set-cookie', 'b=2; HttpOnly', { append: true })
    c.header('x-multi', 'one', { append: true })
    c.header('x-multi', 'two', { append: true })
    return c.text('cookies')
  })

// results of every format, read field by field
const handler = handle(app) as (event: unknown, context: unknown) => Promise<any>

describe('API Gateway REST API (payload 1.0)', () => {
  it('maps path, repeated query keys, multi-value headers, cookies and the source IP', async () => {
    const result = await handler(fixture('rest-api-v1'), lambdaContext())
    expect(result).toMatchObject({ statusCode: 200, isBase64Encoded: false })
    expect(result.headers).toMatchObject({ 'content-type': 'application/json' })
    expect(JSON.parse(result.body!)).toEqual({
      method: 'GET',
      url: 'https://70ixmpl4fl.execute-api.us-east-2.amazonaws.com/books/caf%C3%A9?tag=a&tag=b&q=a%20b%26c',
      path: '/books/café',
      query: { tag: ['a', 'b'], q: ['a b&c'] },
      custom: 'a, b',
      cookies: { session: 'abc', theme: 'dark' },
      remote: { address: '52.255.255.12', family: 'IPv4' },
    })
  })

  it('decodes a base64 binary body and answers binary as base64', async () => {
    const result = await handler(fixture('rest-api-v1-binary'), lambdaContext())
    expect(result).toMatchObject({ statusCode: 200, isBase64Encoded: true })
    expect([...Buffer.from(result.body!, 'base64')]).toEqual([0x7f, 0x02, 0x80, 0xff, 0x01, 0x00])
  })

  it('reports an IPv6 source IP with its family', async () => {
    const ipApp = new OpenSpeed().post('/upload', (c) => c.json(getConnInfo(c)))
    const result = await handle(ipApp)(fixture('rest-api-v1-binary'), lambdaContext())
    expect(JSON.parse(result.body!)).toEqual({ remote: { address: '2001:db8::7', family: 'IPv6' } })
  })

  it('sends every Set-Cookie in multiValueHeaders and the rest in headers', async () => {
    const event = fixture('rest-api-v1')
    event.path = '/cookies'
    const result = await handler(event, lambdaContext())
    expect(result.headers).toMatchObject({
      'x-multi': 'one, two',
      'content-type': 'text/plain; charset=UTF-8',
    })
    expect(result.headers).not.toHaveProperty('set-cookie')
    expect(result.multiValueHeaders).toEqual({
      'set-cookie': ['a=1; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT', 'b=2; HttpOnly'],
    })
  })

  it('answers HTTP API payload 1.0 events in the same shape', async () => {
    const event = fixture('http-api-v1')
    const result = await handler(event, lambdaContext())
    expect(JSON.parse(result.body!)).toMatchObject({
      url: 'https://id.execute-api.us-east-1.amazonaws.com/my/path?parameter1=value1&parameter1=value2&parameter2=value',
      remote: { address: '192.0.2.1' },
    })
  })
})

describe('API Gateway HTTP API and Function URLs (payload 2.0)', () => {
  it('maps the decoded rawPath, rawQueryString, cookies array and JSON body', async () => {
    const result = await handler(fixture('http-api-v2'), lambdaContext())
    expect(result.statusCode).toBe(200)
    expect(JSON.parse(result.body!)).toEqual({
      method: 'POST',
      url: 'https://r3pmxmplak.execute-api.us-east-2.amazonaws.com/books/caf%C3%A9?tag=a&tag=b&q=a%20b%26c',
      path: '/books/café',
      query: { tag: ['a', 'b'], q: ['a b&c'] },
      custom: 'a,b',
      cookies: { session: 'abc', theme: 'dark' },
      remote: { address: '205.255.255.176', family: 'IPv4' },
      body: { title: 'Dune' },
    })
  })

  it('sends Set-Cookie in the cookies array', async () => {
    const event = fixture<APIGatewayProxyEventV2>('http-api-v2')
    event.rawPath = '/cookies'
    event.requestContext.http.method = 'GET'
    const result = await handler(event, lambdaContext())
    expect(result).toMatchObject({
      statusCode: 200,
      body: 'cookies',
      cookies: ['a=1; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT', 'b=2; HttpOnly'],
    })
    expect(result.headers).not.toHaveProperty('set-cookie')
  })

  it('hands the event, its requestContext and the Lambda context to c.env', async () => {
    const result = await handler(fixture('function-url'), lambdaContext())
    expect(result.body).toBe('id:Hello from client!')
    const seen = vi.fn()
    const envApp = new OpenSpeed<{ Bindings: LambdaBindings<APIGatewayProxyEventV2> }>().get(
      '/my/path',
      (c) => {
        seen(c.env.event.rawPath, c.env.requestContext.domainName, c.env.lambdaContext.awsRequestId)
        return c.body(null, 204)
      },
    )
    const event = fixture('function-url')
    event.requestContext.http.method = 'GET'
    expect(await handle(envApp)(event, lambdaContext('req-1'))).toMatchObject({ statusCode: 204, body: '' })
    expect(seen).toHaveBeenCalledWith('/my/path', 'abcdefg.lambda-url.us-east-1.on.aws', 'req-1')
  })

  it('answers 404 and 405 as problem+json', async () => {
    const event = fixture('http-api-v2')
    event.rawPath = '/nowhere'
    const missing = await handler(event, lambdaContext())
    expect(missing).toMatchObject({
      statusCode: 404,
      headers: { 'content-type': 'application/problem+json' },
    })
    expect(JSON.parse(missing.body!)).toMatchObject({ status: 404, code: 'OS_ERR_NOT_FOUND' })
    event.rawPath = '/cookies'
    const wrongMethod = await handler(event, lambdaContext())
    expect(wrongMethod).toMatchObject({ statusCode: 405, headers: { allow: 'GET, HEAD, OPTIONS' } })
  })

  it('drops the body of HEAD answers', async () => {
    const event = fixture('http-api-v2')
    event.rawPath = '/cookies'
    event.requestContext.http.method = 'HEAD'
    expect(await handler(event, lambdaContext())).toMatchObject({ statusCode: 200, body: '' })
  })
})

describe('Application Load Balancer', () => {
  it('passes query values through undecoded and takes the client from X-Forwarded-For', async () => {
    const result = await handler(fixture('alb'), lambdaContext())
    expect(result).toMatchObject({ statusCode: 200, isBase64Encoded: false })
    expect(result).not.toHaveProperty('multiValueHeaders')
    expect(JSON.parse(result.body!)).toMatchObject({
      url: 'http://lambda-alb-123578498.us-east-1.elb.amazonaws.com/lambda?query=1234ABCD&q=a%20b',
      query: { query: ['1234ABCD'], q: ['a b'] },
      remote: { address: '72.12.164.125', family: 'IPv4' },
    })
  })

  it('sends only the first Set-Cookie without multi-value headers and reports the rest', async () => {
    const logError = vi.fn()
    const event = fixture('alb')
    event.path = '/cookies'
    const result = await handle(app, { logError })(event, lambdaContext())
    expect(result.headers).toMatchObject({
      'set-cookie': 'a=1; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT',
    })
    expect(logError).toHaveBeenCalledOnce()
    expect(String(logError.mock.calls[0]![0])).toMatch(/Enable multi-value headers/)
  })

  it('reads and answers multiValueHeaders when the target group has them on', async () => {
    const result = await handler(fixture('alb-multi-value'), lambdaContext())
    expect(result).not.toHaveProperty('headers')
    expect(result.multiValueHeaders).toMatchObject({ 'content-type': ['application/json'] })
    expect(JSON.parse(result.body!)).toMatchObject({
      url: 'https://lambda-alb-123578498.us-east-1.elb.amazonaws.com/lambda?tag=a&tag=b&q=a%20b',
      query: { tag: ['a', 'b'], q: ['a b'] },
      custom: 'a, b',
      cookies: { session: 'abc', theme: 'dark' },
      form: { name: 'Ada', lang: 'en' },
    })
    const event = fixture('alb-multi-value')
    event.path = '/cookies'
    event.httpMethod = 'GET'
    expect((await handler(event, lambdaContext())).multiValueHeaders).toMatchObject({
      'set-cookie': ['a=1; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT', 'b=2; HttpOnly'],
      'x-multi': ['one, two'],
    })
  })
})
