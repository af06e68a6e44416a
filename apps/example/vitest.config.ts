import { definePackageTests } from '@openspeed/config/vitest'

export default definePackageTests({ coverageExclude: ['src/server.ts', 'src/**/_fixtures.ts'] })
