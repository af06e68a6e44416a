import { OpenSpeed } from '@openspeed/core'
import { applyRouteManifest } from '@openspeed/router-fs/manifest'
import routes from './routes.manifest.ts'

// every file of src/routes/ is a route; the manifest imports them all, so the same app runs in
// dev, in tests and bundled for any runtime (no folder is scanned at startup)
const app = new OpenSpeed()
applyRouteManifest(app, routes)

export default app
