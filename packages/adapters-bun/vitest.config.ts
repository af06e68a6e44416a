import { definePackageTests } from '@openspeed/config/vitest'

export default definePackageTests({
  // these run only inside Bun, where Node's v8 coverage cannot see them; they are exercised by
  // src/serve.test.ts and test/conformance.test.ts, which start the real `bun` binary
  coverageExclude: ['src/serve.ts'],
})
