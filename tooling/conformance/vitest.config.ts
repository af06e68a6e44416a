import { definePackageTests } from '@openspeed/config/vitest'

export default definePackageTests({
  // the suite's test definitions run in each adapter's own test run (packages/adapters-*/test/conformance.test.ts)
  coverageExclude: ['src/suite.ts', 'src/_suite-context.ts', 'src/_cases-*.ts'],
})
