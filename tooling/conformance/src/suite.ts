import { afterAll, beforeAll, describe, expect } from 'vitest'
import { bodyCases } from './_cases-bodies.ts'
import { errorAndConnCases } from './_cases-errors.ts'
import { hostCases } from './_cases-host.ts'
import { routingCases } from './_cases-routing.ts'
import { streamCases } from './_cases-streams.ts'
import { createSuiteContext } from './_suite-context.ts'
import { fixtureOnCloseMarker } from './fixture.ts'
import type { ConformanceTarget, RunningServer } from './types.ts'

/**
 * Registers the conformance suite for one runtime: starts the fixture app through
 * `target.start()` once, runs every HTTP case against it, then stops it and checks that the
 * app's `onClose` hook ran. Call it at the top level of a vitest test file.
 *
 * @example
 * // test/conformance.test.ts
 * import { defineConformanceSuite, nodeSourceArgs, spawnServer } from '@openspeed/conformance'
 *
 * defineConformanceSuite({
 *   name: 'node 20',
 *   start: () => spawnServer({ command: process.execPath, args: [...nodeSourceArgs(), 'test/fixtures/conformance-server.ts'] }),
 * })
 */
export function defineConformanceSuite(target: ConformanceTarget): void {
  const gaps = target.gaps ?? []
  let running: RunningServer | undefined
  const server = (): RunningServer => {
    if (running === undefined) throw new Error(`The ${target.name} server did not start`)
    return running
  }
  describe(`conformance: ${target.name}`, () => {
    beforeAll(async () => {
      running = await target.start()
    }, 60_000)
    afterAll(async () => {
      await running?.stop()
    }, 30_000)

    const context = createSuiteContext(gaps, server)
    routingCases(context)
    bodyCases(context)
    streamCases(context)
    errorAndConnCases(context)
    hostCases(context)
    // last: it stops the server
    context.test(
      'runs the app onClose hooks when stopped with SIGTERM',
      async () => {
        await server().stop()
        expect(server().output()).toContain(fixtureOnCloseMarker)
      },
      'no-on-close',
    )
  })
}
