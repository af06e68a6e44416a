import { definePackageBuild } from '@openspeed/config/tsup'

export default definePackageBuild([
  'src/index.ts',
  'src/contract/index.ts',
  'src/contract/cli.ts',
  'src/openapi/index.ts',
])
