import { definePackageTests } from '@openspeed/config/vitest'

export default definePackageTests()
