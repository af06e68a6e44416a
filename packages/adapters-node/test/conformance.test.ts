import { fileURLToPath } from 'node:url'
import { defineConformanceSuite, node24Binary, nodeSourceArgs, spawnServer } from '@openspeed/conformance'

const server = fileURLToPath(new URL('fixtures/conformance-server.ts', import.meta.url))

defineConformanceSuite({
  name: `node ${process.versions.node}`,
  start: () => spawnServer({ command: process.execPath, args: [...nodeSourceArgs(), server] }),
})

defineConformanceSuite({
  name: 'node 24',
  start: () => spawnServer({ command: node24Binary(), args: [...nodeSourceArgs(), server] }),
})
