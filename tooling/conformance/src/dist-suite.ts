import { expect, it } from 'vitest'
import { importDist } from './dist.ts'
import type { SpawnedServer } from './spawn-server.ts'

/**
 * A package whose built `dist/` a runtime serves from, for {@link defineDistTest}.
 *
 * @example
 * const target: DistTarget = { runtime: 'Bun', packageDir, exports: ['serve', 'toBunHandler'], start }
 */
export interface DistTarget {
  /** Named in the test title, e.g. `'Bun'`. */
  runtime: string
  packageDir: string
  /** The names `dist/index.js` must export, sorted. */
  exports: readonly string[]
  /**
   * Starts the runtime on a fixture that imports the built package and `@openspeed/core` by name
   * (no source condition) and serves `GET /` as `{ hello: 'dist', remote: <client address> }`.
   */
  start(): Promise<SpawnedServer>
}

/**
 * Registers the test of a package's built `dist/` under a runtime's own binary: the entry exports
 * exactly `exports`, and a fixture importing the build answers over a real socket.
 *
 * @example
 * defineDistTest({ runtime: 'Deno', packageDir, exports: ['serve', 'toDenoHandler'], start: () => startDeno('dist-app.ts') })
 */
export function defineDistTest(target: DistTarget): void {
  it(`serves an app through the built dist/ under ${target.runtime}`, async () => {
    const dist = await importDist(target.packageDir)
    expect(Object.keys(dist).sort()).toEqual(target.exports)
    const server = await target.start()
    try {
      expect(await (await fetch(`${server.url}/`)).json()).toEqual({ hello: 'dist', remote: '127.0.0.1' })
    } finally {
      await server.stop()
    }
  })
}
