import { expect, it } from 'vitest'
import { type ConformanceGap, gapReasons, type RunningServer } from './types.ts'

/** What every case file gets from `defineConformanceSuite`. */
export interface SuiteContext {
  /** The running server (valid inside tests). */
  server(): RunningServer
  /** An absolute URL on the running server; `path` is used exactly as given (no re-encoding). */
  url(path: string): string
  /**
   * Registers a test. When the target declares `gap`, the test is skipped, with the reason in its
   * name, instead of being copied or weakened.
   */
  test(name: string, fn: () => Promise<void>, gap?: ConformanceGap): void
}

/** Builds the context for one target. */
export function createSuiteContext(
  gaps: readonly ConformanceGap[],
  server: () => RunningServer,
): SuiteContext {
  return {
    server,
    url: (path) => server().url + path,
    test(name, fn, gap) {
      if (gap !== undefined && gaps.includes(gap)) it.skip(`${name} [gap ${gap}: ${gapReasons[gap]}]`, fn)
      else it(name, fn)
    },
  }
}

/** Asserts an RFC 9457 answer and returns its body. */
export async function expectProblem(response: Response, status: number): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const problem = (await response.json()) as Record<string, unknown>
  expect(problem).toMatchObject({ status, title: expect.any(String) })
  return problem
}
