import { definePackageBuild } from '@openspeed/config/tsup'

// shared chunks, so both entries hand out the same classes (`instanceof FastResponse` holds across them)
export default definePackageBuild(['src/index.ts', 'src/adapter.ts', 'src/tools.ts'], { splitting: true })
