import { expect } from 'vitest'
import { rawExchange } from './_raw-http.ts'
import type { SuiteContext } from './_suite-context.ts'

// Host headers no URL can be built from: a non-numeric or too large port, an unclosed IPv6
// literal, user-info, a percent-encoded slash, a space, a path
const invalidHosts = ['a:b', 'localhost:99999', '[::1', 'a@b', 'a%2fb', 'a b', 'evil.test/x?']
// absolute-form targets whose authority no URL can hold
const invalidTargets = ['http://h:99999/host', 'http://a:b/host', 'http://user@h/host']

/** Host headers and absolute-form targets: refused with 400, and every URL the app sees parses. */
export function hostCases({ test, server }: SuiteContext): void {
  test(
    'refuses a Host header that names no valid host and port with 400 problem+json',
    async () => {
      for (const host of invalidHosts) {
        const answer = await rawExchange(server().url, `GET /host HTTP/1.1\r\nHost: ${host}`)
        expect({ host, status: answer.status }).toEqual({ host, status: 400 })
        expect(answer.headers['content-type']).toBe('application/problem+json')
        expect(JSON.parse(answer.body)).toMatchObject({ status: 400, code: 'OS_ERR_REQUEST_INVALID_HOST' })
      }
    },
    'platform-host',
  )

  test(
    'answers an absolute-form target with 400, or with a URL that parses, never with a 5xx',
    async () => {
      for (const target of invalidTargets) {
        const answer = await rawExchange(server().url, `GET ${target} HTTP/1.1\r\nHost: localhost`)
        expect({ target, status: answer.status }).toSatisfy(
          ({ status }: { status: number }) => status === 400 || status === 200,
        )
        // the route parses c.req.url and c.req.raw.url itself: a 200 means both parsed
        if (answer.status === 200) expect(JSON.parse(answer.body).host).toBe('localhost')
      }
    },
    'platform-host',
  )

  test('serves valid hosts, IPv6 literals and ports with a URL that parses', async () => {
    const { port } = new URL(server().url)
    for (const host of [`127.0.0.1:${port}`, '[::1]:8080', 'example.com', 'example.com:65535']) {
      const answer = await rawExchange(server().url, `GET /host?x=1 HTTP/1.1\r\nHost: ${host}`)
      expect({ host, status: answer.status }).toEqual({ host, status: 200 })
      const body = JSON.parse(answer.body) as { url: string; raw: string }
      expect(new URL(body.url).search).toBe('?x=1')
      expect(new URL(body.raw).pathname).toBe('/host')
    }
  })
}
