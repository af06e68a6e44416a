import { definePackageTests } from '@openspeed/config/vitest'

export default definePackageTests({
  // these run only inside Deno, where Node's v8 coverage cannot see them; they are exercised by
  // src/serve.test.ts and test/conformance.test.ts, which start the real `deno` binary
  coverageExclude: ['src/serve.ts'],
})
