import { definePackageBuild } from '@openspeed/config/tsup'

export default definePackageBuild(['src/index.ts', 'src/node.ts'])
