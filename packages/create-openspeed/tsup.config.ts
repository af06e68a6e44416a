import { definePackageBuild } from '@openspeed/config/tsup'
import { readWorkspaceVersions } from './src/_workspace-versions.ts'

export default definePackageBuild(['src/index.ts', 'src/bin.ts'], {
  define: { __OPENSPEED_VERSIONS__: JSON.stringify(readWorkspaceVersions()) },
})
