import { buildRouteManifest } from '@openspeed/router-fs'
import { defineConfig } from 'vitest/config'

// the app reads its routes from the manifest: bring it in step with src/routes/ before each run
await buildRouteManifest({ dir: 'src/routes', out: 'src/routes.manifest.ts' })

export default defineConfig({})
