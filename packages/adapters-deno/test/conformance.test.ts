import { defineConformanceSuite } from '@openspeed/conformance'
import { startDeno } from './_deno.ts'

defineConformanceSuite({ name: 'deno run', start: () => startDeno('conformance-server.ts') })

defineConformanceSuite({
  name: 'deno serve',
  start: () => startDeno('conformance-deno-serve.ts', { command: 'serve' }),
  // `deno serve` owns the server and its shutdown: there is no handle to drain and close the app
  gaps: ['no-on-close'],
})
