import { defineConfig } from 'vitest/config'

const sourceConditions = ['@openspeed/source', 'module', 'node', 'import', 'default']

/**
 * Shared vitest setup: resolves workspace packages through the `@openspeed/source` export
 * condition (tests run on source, no build needed), v8 line coverage with a 90% floor, and in CI
 * a JSON report that `.ci/run` sums into one `N passed, N failed` line.
 *
 * @example
 * // packages/<name>/vitest.config.ts
 * import { definePackageTests } from '@openspeed/config/vitest'
 * export default definePackageTests()
 */
export function definePackageTests(options = {}) {
  const { coverageExclude = [], test = {} } = options
  return defineConfig({
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@openspeed/source'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 20_000,
      hookTimeout: 30_000,
      reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
      coverage: {
        provider: 'v8',
        include: ['src/**/*.ts'],
        exclude: ['src/**/*.test.ts', 'src/**/*.test-d.ts', 'src/**/*.case.ts', ...coverageExclude],
        reporter: ['text-summary'],
        thresholds: { lines: 90 },
      },
      ...test,
    },
  })
}
