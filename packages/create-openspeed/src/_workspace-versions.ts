import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Versions of the publishable `@openspeed/*` packages in this workspace (`packages/*`). The build
 * inlines them; tests on source read them here.
 */
export function readWorkspaceVersions(): Record<string, string> {
  const packages = fileURLToPath(new URL('../../', import.meta.url))
  const versions: Record<string, string> = {}
  for (const folder of readdirSync(packages)) {
    const file = join(packages, folder, 'package.json')
    if (!existsSync(file)) continue
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      name?: string
      version?: string
      private?: boolean
    }
    if (manifest.name?.startsWith('@openspeed/') && manifest.private !== true && manifest.version) {
      versions[manifest.name] = manifest.version
    }
  }
  return versions
}
