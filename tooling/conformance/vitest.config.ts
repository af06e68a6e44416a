import { definePackageTests } from '@openspeed/config/vitest'

export default definePackageTests({
  // the suites' test definitions run in each adapter's own test run (packages/adapters-*/test/)
  coverageExclude: [
    'src/suite.ts',
    'src/shutdown-suite.ts',
    'src/dist-suite.ts',
    'src/_suite-context.ts',
    'src/_cases-*.ts',
  ],
})
