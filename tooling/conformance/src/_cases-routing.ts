import { expect } from 'vitest'
import { expectProblem, type SuiteContext } from './_suite-context.ts'

/** Routing, params, query strings, headers, cookies, HEAD, 404/405 and redirects. */
export function routingCases({ test, url }: SuiteContext): void {
  test('serves a static route', async () => {
    const response = await fetch(url('/'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=UTF-8')
    expect(await response.text()).toBe('OpenSpeed conformance fixture')
  })

  test('decodes percent-encoded params, keeping an encoded slash inside one param', async () => {
    const response = await fetch(url('/users/caf%C3%A9%20au%20lait/files/a%2Fb.txt'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      params: { id: 'café au lait', name: 'a/b.txt' },
      path: '/users/café au lait/files/a%2Fb.txt',
    })
  })

  test('matches a unicode route the client sent percent-encoded', async () => {
    const response = await fetch(url(`/${encodeURIComponent('ünïcödé')}/${encodeURIComponent('日本語')}`))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ word: '日本語' })
  })

  test('matches a wildcard route', async () => {
    const response = await fetch(url('/wild/a/b/c'))
    expect(await response.json()).toEqual({ path: '/wild/a/b/c' })
  })

  test('answers 400 problem+json to malformed percent-encoding', async () => {
    await expectProblem(await fetch(url('/users/%E0%A4%A/files/x')), 400)
  })

  test('keeps repeated query keys, decodes + and escapes', async () => {
    const response = await fetch(url('/query?tag=a&tag=b&q=caf%C3%A9+cr%C3%A8me&empty=&flag'))
    expect(await response.json()).toEqual({ tag: ['a', 'b'], q: ['café crème'], empty: [''], flag: [''] })
  })

  test('passes request headers with lower-case names', async () => {
    const response = await fetch(url('/headers'), {
      headers: { 'X-Custom-Header': 'Value With Spaces', accept: 'application/json', 'x-multi': 'a, b' },
    })
    const headers = (await response.json()) as Record<string, string>
    expect(headers['x-custom-header']).toBe('Value With Spaces')
    expect(headers['x-multi']).toBe('a, b')
    expect(headers.accept).toBe('application/json')
    expect(headers.host).toBe(new URL(url('/')).host)
  })

  test('sends every Set-Cookie header separately and parses the Cookie header', async () => {
    const response = await fetch(url('/cookies'), { headers: { cookie: 'session=abc; theme=dark' } })
    expect(response.headers.getSetCookie()).toEqual([
      'first=1; Path=/; HttpOnly',
      'second=two%20words; Path=/; SameSite=Lax',
    ])
    expect(await response.json()).toEqual({ session: 'abc', theme: 'dark' })
  })

  test('answers HEAD like GET without a body', async () => {
    const get = await fetch(url('/'))
    const head = await fetch(url('/'), { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'))
    const length = head.headers.get('content-length')
    // a runtime that compresses GET itself (workerd) sends no length for the encoded body
    if (length !== null && get.headers.get('content-encoding') === null) {
      expect(length).toBe(get.headers.get('content-length'))
    }
    expect(await head.text()).toBe('')
    await get.text()
  })

  test('answers 405 problem+json with Allow for a known path and an unknown method', async () => {
    const response = await fetch(url('/'), { method: 'DELETE' })
    const allow = (response.headers.get('allow') ?? '').split(/,\s*/).sort()
    expect(allow).toEqual(expect.arrayContaining(['GET', 'HEAD']))
    await expectProblem(response, 405)
  })

  test('answers 404 problem+json for an unknown path', async () => {
    const problem = await expectProblem(await fetch(url('/no/such/route')), 404)
    expect(problem.instance).toBe('/no/such/route')
  })

  test('redirects with 302 and 308 and a Location header', async () => {
    const found = await fetch(url('/redirect'), { redirect: 'manual' })
    expect(found.status).toBe(302)
    expect(found.headers.get('location')).toBe('/')
    const permanent = await fetch(url('/redirect/permanent'), { redirect: 'manual' })
    expect(permanent.status).toBe(308)
    expect(permanent.headers.get('location')).toBe('/users/1/files/a.txt')
    const followed = await fetch(url('/redirect'))
    expect(await followed.text()).toBe('OpenSpeed conformance fixture')
  })
}
