import { definePackageBuild } from '@openspeed/config/tsup'

export default definePackageBuild(['src/index.ts', 'src/docs.ts', 'src/json-schema.ts'])
