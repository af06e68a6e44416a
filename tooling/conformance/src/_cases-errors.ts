import { expect } from 'vitest'
import { expectProblem, type SuiteContext } from './_suite-context.ts'

/** problem+json errors, connection info. */
export function errorAndConnCases({ test, url }: SuiteContext): void {
  test('answers an HttpError with its problem+json', async () => {
    const problem = await expectProblem(await fetch(url('/errors/http')), 409)
    expect(problem.detail).toBe('The fixture is in a conflicting state')
    expect(problem.instance).toBe('/errors/http')
  })

  test('answers an unexpected error with a 500 that leaks no message or stack', async () => {
    const response = await fetch(url('/errors/crash'))
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const text = await response.text()
    expect(text).not.toContain('secret')
    expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|\.js:\d+/)
    expect(JSON.parse(text)).toMatchObject({ status: 500 })
  })

  test(
    'reports the loopback client address through getConnInfo(c)',
    async () => {
      const { remote } = (await (await fetch(url('/conn'))).json()) as {
        remote: { address?: string; port?: number; family?: string }
      }
      expect(['127.0.0.1', '::ffff:127.0.0.1', '::1']).toContain(remote.address)
      if (remote.port !== undefined) expect(remote.port).toBeGreaterThan(0)
      if (remote.family !== undefined) expect(['IPv4', 'IPv6']).toContain(remote.family)
    },
    'no-conn-info',
  )
}
