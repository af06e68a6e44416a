import { readWorkspaceVersions } from './_workspace-versions.ts'

declare const __OPENSPEED_VERSIONS__: Record<string, string> | undefined

/** The `@openspeed/*` versions this release of create-openspeed was built with. */
export function openspeedVersions(): Record<string, string> {
  return typeof __OPENSPEED_VERSIONS__ === 'undefined' ? readWorkspaceVersions() : __OPENSPEED_VERSIONS__
}
