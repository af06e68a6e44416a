import { definePackageBuild } from '@openspeed/config/tsup'

export default definePackageBuild()
