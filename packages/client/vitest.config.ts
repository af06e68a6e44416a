import { definePackageTests } from '@openspeed/config/vitest'

export default definePackageTests({ test: { typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] } } })
