import { defineDistTest } from '@openspeed/conformance'
import { packageDir, startBun } from './_bun.ts'

defineDistTest({
  runtime: 'Bun',
  packageDir,
  exports: ['serve', 'toBunHandler'],
  // the fixture imports the package by name, so Bun resolves the built dist/ through node_modules
  start: () => startBun('dist-app.ts', {}, { conditions: false }),
})
