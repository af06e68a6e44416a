import { defineDistTest } from '@openspeed/conformance'
import { packageDir, startDeno } from './_deno.ts'

// imported under Deno with npm: specifiers, without the source condition
defineDistTest({
  runtime: 'Deno',
  packageDir,
  exports: ['serve', 'toDenoHandler'],
  start: () => startDeno('dist-app.ts', { conditions: false }),
})
