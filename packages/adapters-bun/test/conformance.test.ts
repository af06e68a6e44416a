import { defineConformanceSuite } from '@openspeed/conformance'
import { startBun } from './_bun.ts'

defineConformanceSuite({ name: 'bun', start: () => startBun('conformance-server.ts') })
