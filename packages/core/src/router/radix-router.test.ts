import { describe, expect, it } from 'vitest'
import { OpenSpeedError } from '../openspeed-error.ts'
import { RadixRouter } from './radix-router.ts'
import { runRouterConformance } from './router.case.ts'

runRouterConformance('RadixRouter', () => new RadixRouter<string>())

describe('RadixRouter registration errors', () => {
  const cases: [string, RegExp][] = [
    ['users', /must start with "\/"/],
    ['/a/*/b', /wildcard "\*" can only be the last segment/],
    ['/a/:id?/b', /optional parameter "id" must be the last segment/],
    ['/a/:id/:id', /appears twice/],
    ['/a/:1bad', /not a valid parameter/],
    ['/a/:id{[}', /not a valid regular expression/],
    ['/a/*9x', /not a valid wildcard name/],
    ['/assets*', /"\*" inside a segment: a wildcard is a whole last segment/],
    ['/a/:id/x*', /"\*" inside a segment/],
    ['/users/:userId{[^/]+}/posts', /\{\[\^\/\]\+\} contains "\/": a parameter matches one path segment/],
    ['/a{b}/:id', /brace outside a parameter/],
  ]
  for (const [pattern, message] of cases) {
    it(`rejects ${pattern}`, () => {
      const router = new RadixRouter<string>()
      let error: unknown
      try {
        router.add('GET', pattern, 'x')
      } catch (caught) {
        error = caught
      }
      expect(OpenSpeedError.isInstance(error)).toBe(true)
      expect((error as OpenSpeedError).code).toBe('OS_ERR_ROUTER_INVALID_PATTERN')
      expect((error as Error).message).toMatch(message)
    })
  }

  it('rejects a duplicate route for the same method, static or dynamic', () => {
    const router = new RadixRouter<string>()
    router.add('GET', '/a', 'x')
    router.add('GET', '/b/:id', 'x')
    router.add('GET', '/c/*', 'x')
    expect(() => router.add('GET', '/a', 'y')).toThrow(/GET \/a is already registered/)
    expect(() => router.add('GET', '/b/:id', 'y')).toThrow(/already registered/)
    expect(() => router.add('GET', '/c/*', 'y')).toThrow(/already registered/)
    expect(() => router.add('POST', '/b/:id', 'y')).not.toThrow()
  })
})
