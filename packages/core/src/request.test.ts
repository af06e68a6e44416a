import { describe, expect, it } from 'vitest'
import { OpenSpeed } from './open-speed.ts'

const post = (body: BodyInit, contentType?: string): RequestInit => ({
  method: 'POST',
  body,
  headers: contentType ? { 'content-type': contentType } : {},
})

describe('c.req parameters, query, headers and cookies', () => {
  const app = new OpenSpeed()
    .get('/files/:dir/*rest', (c) =>
      c.json({ all: c.req.param(), dir: c.req.param('dir'), path: c.req.path }),
    )
    .get('/q', (c) =>
      c.json({
        first: c.req.query('tag'),
        all: c.req.queries('tag'),
        every: c.req.query(),
        lists: c.req.queries(),
        none: c.req.query('none'),
      }),
    )
    .get('/h', (c) => c.json({ one: c.req.header('X-Custom'), all: c.req.header() }))
    .get('/c', (c) => c.json({ one: c.req.cookie('session'), all: c.req.cookie() }))

  it('decodes parameters once, keeping encoded slashes inside one segment', async () => {
    const body = await (await app.request('/files/caf%C3%A9/a%2Fb/c%25d')).json()
    expect(body).toEqual({
      all: { dir: 'café', rest: 'a/b/c%d' },
      dir: 'café',
      path: '/files/café/a%2Fb/c%25d',
    })
  })

  it('parses repeated query keys, plus signs and escapes', async () => {
    const body = await (await app.request('/q?tag=a&tag=b+c&x=%C3%A9&flag&&__proto__=1')).json()
    expect(body).toEqual({
      first: 'a',
      all: ['a', 'b c'],
      every: { tag: 'a', x: 'é', flag: '', ['__proto__']: '1' },
      lists: { tag: ['a', 'b c'], x: ['é'], flag: [''], ['__proto__']: ['1'] },
    })
    expect(Object.getPrototypeOf({})).toEqual(Object.prototype)
  })

  it('answers 400 for a malformed query escape', async () => {
    const response = await app.request('/q?tag=%E0%A4%A')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      code: 'OS_ERR_REQUEST_MALFORMED_URL',
      detail: 'The request query string has invalid percent-encoding',
    })
  })

  it('reads headers case-insensitively', async () => {
    const body = await (await app.request('/h', { headers: { 'x-custom': 'v', accept: 'text/html' } })).json()
    expect(body.one).toBe('v')
    expect(body.all).toMatchObject({ 'x-custom': 'v', accept: 'text/html' })
    const repeated = new Headers([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ])
    expect((await (await app.request('/h', { headers: repeated })).json()).all['set-cookie']).toBe('a=1, b=2')
  })

  it('parses cookies, decoding values and ignoring broken ones', async () => {
    const body = await (
      await app.request('/c', {
        headers: { cookie: 'session=a%20b; theme="dark"; broken=%E0%A4%A; novalue; session=second' },
      })
    ).json()
    expect(body).toEqual({ one: 'a b', all: { session: 'a b', theme: 'dark', broken: '%E0%A4%A' } })
  })
})

describe('c.req body readers', () => {
  const app = new OpenSpeed({ bodyLimit: 64 })
    .post('/json', async (c) => c.json({ got: await c.req.json() }))
    .post('/text', async (c) => c.text(await c.req.text()))
    .post('/bytes', async (c) => c.json({ size: (await c.req.arrayBuffer()).byteLength }))
    .post('/twice', async (c) => c.json({ text: await c.req.text(), json: await c.req.json() }))
    .post('/form', async (c) => {
      const form = await c.req.formData()
      return c.json(Object.fromEntries(form.entries()))
    })
    .post('/stream', async (c) => {
      const stream = c.req.stream()
      let size = 0
      for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) size += chunk.byteLength
      return c.json({ size })
    })
    .post('/raw', async (c) => c.text(await c.req.raw.text()))
    .post(
      '/large',
      (c, next) => {
        c.req.bodyLimit = 128
        return next()
      },
      async (c) => c.json({ size: (await c.req.arrayBuffer()).byteLength }),
    )
    .post('/stream-after-read', async (c) => {
      await c.req.text()
      return c.json({ stream: c.req.stream() })
    })

  it('parses JSON with a JSON content type, including +json types', async () => {
    expect(
      await (await app.request('/json', post('{"a":[1,2]}', 'application/json; charset=utf-8'))).json(),
    ).toEqual({ got: { a: [1, 2] } })
    expect((await app.request('/json', post('{}', 'application/merge-patch+json'))).status).toBe(200)
  })

  it('answers 415 for JSON with the wrong or no content type', async () => {
    for (const type of ['text/plain', undefined, 'application/x-www-form-urlencoded']) {
      const response = await app.request('/json', post('{"a":1}', type))
      expect(response.status, String(type)).toBe(415)
      expect(await response.json()).toMatchObject({ code: 'OS_ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE' })
    }
  })

  it('answers 400 for invalid or empty JSON', async () => {
    const invalid = await app.request('/json', post('{"a":', 'application/json'))
    expect([invalid.status, (await invalid.json()).detail]).toEqual([
      400,
      'The request body is not valid JSON',
    ])
    const empty = await app.request('/json', post('', 'application/json'))
    expect([empty.status, (await empty.json()).detail]).toEqual([
      400,
      'The request body is empty; expected JSON',
    ])
  })

  it('refuses prototype-polluting keys with 400', async () => {
    for (const body of ['{"__proto__":{"admin":true}}', '{"a":[{"constructor":{"prototype":{"x":1}}}]}']) {
      const response = await app.request('/json', post(body, 'application/json'))
      expect(response.status, body).toBe(400)
      expect(await response.json()).toMatchObject({ code: 'OS_ERR_REQUEST_FORBIDDEN_JSON_KEY' })
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
    const harmless = await app.request(
      '/json',
      post('{"constructor":"word","items":["__proto__"]}', 'application/json'),
    )
    expect(await harmless.json()).toEqual({ got: { constructor: 'word', items: ['__proto__'] } })
  })

  it('refuses prototype-polluting keys spelled with JSON escapes', async () => {
    for (const body of [
      String.raw`{"\u005f_proto__":{"x":1}}`,
      String.raw`{"__pr\u006fto__":{"admin":true}}`,
      String.raw`{"a":{"\u0063onstructor":{"prototype":{"x":1}}}}`,
      String.raw`[{"constructor":{"\u0070rototype":{"x":1}}}]`,
    ]) {
      const response = await app.request('/json', post(body, 'application/json'))
      expect(response.status, body).toBe(400)
      expect(await response.json()).toMatchObject({ code: 'OS_ERR_REQUEST_FORBIDDEN_JSON_KEY' })
    }
    const escaped = await app.request('/json', post(String.raw`{"city":"Z\u00fcrich"}`, 'application/json'))
    expect(await escaped.json()).toEqual({ got: { city: 'Zürich' } })
  })

  it('lets middleware change the limit for one route before the body is read', async () => {
    const raised = await app.request('/large', post('x'.repeat(100), 'text/plain'))
    expect(await raised.json()).toEqual({ size: 100 })
    const over = await app.request('/large', post('x'.repeat(129), 'text/plain'))
    expect(over.status).toBe(413)
    expect(await over.json()).toMatchObject({
      detail: 'The request body is larger than the limit of 128 bytes',
    })
    expect((await app.request('/bytes', post('x'.repeat(100), 'text/plain'))).status).toBe(413)
  })

  it('answers 413 past the body limit, with or without Content-Length', async () => {
    const big = 'x'.repeat(65)
    const declared = await app.request('/text', post(big, 'text/plain'))
    expect(declared.status).toBe(413)
    expect(await declared.json()).toMatchObject({
      code: 'OS_ERR_REQUEST_BODY_TOO_LARGE',
      detail: 'The request body is larger than the limit of 64 bytes',
    })
    const streamed = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(20)))
        controller.close()
      },
    })
    const chunked = await app.request('/text', {
      method: 'POST',
      body: streamed,
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(413)
    const understated = await app.request('/text', {
      method: 'POST',
      body: big,
      headers: { 'content-length': '1' },
    })
    expect(understated.status).toBe(413)
    expect(await (await app.request('/text', post('x'.repeat(64), 'text/plain'))).text()).toHaveLength(64)
  })

  it('reads bytes, text and a cached body more than once', async () => {
    expect(await (await app.request('/bytes', post(new Uint8Array([1, 2, 3])))).json()).toEqual({ size: 3 })
    expect(await (await app.request('/twice', post('{"a":1}', 'application/json'))).json()).toEqual({
      text: '{"a":1}',
      json: { a: 1 },
    })
  })

  it('parses urlencoded and multipart forms, 415 otherwise, 400 when broken', async () => {
    expect(
      await (await app.request('/form', post('a=1&b=two', 'application/x-www-form-urlencoded'))).json(),
    ).toEqual({ a: '1', b: 'two' })
    const form = new FormData()
    form.set('name', 'Ada')
    const roomy = new OpenSpeed().post('/form', async (c) =>
      c.json(Object.fromEntries((await c.req.formData()).entries())),
    )
    expect(await (await roomy.request('/form', { method: 'POST', body: form })).json()).toEqual({
      name: 'Ada',
    })
    expect((await app.request('/form', post('a=1', 'text/plain'))).status).toBe(415)
    const broken = await app.request('/form', post('garbage', 'multipart/form-data; boundary=zzz'))
    expect([broken.status, (await broken.json()).code]).toEqual([400, 'OS_ERR_REQUEST_INVALID_FORM'])
  })

  it('streams the body and exposes the raw Web Request', async () => {
    expect(await (await app.request('/stream', post('hello'))).json()).toEqual({ size: 5 })
    expect(await (await app.request('/raw', post('raw body'))).text()).toBe('raw body')
    const logged: unknown[] = []
    const quiet = new OpenSpeed({ logError: (error) => logged.push(error) }).post('/s', async (c) => {
      await c.req.text()
      return c.json({ stream: c.req.stream() })
    })
    expect((await quiet.request('/s', post('x'))).status).toBe(500)
    expect(String(logged[0])).toMatch(/already read/)
  })
})
