// OpenSpeed on Node with the same routes as openspeed.mjs, registered from files by
// @openspeed/router-fs (routes in ./openspeed-fs-routes), to compare their per-request cost.
import { serve } from '@openspeed/adapters-node'
import { OpenSpeed } from '@openspeed/core'
import { fileRoutes } from '@openspeed/router-fs'

const app = new OpenSpeed()
await fileRoutes(app, { dir: new URL('./openspeed-fs-routes', import.meta.url).pathname })

const port = Number(process.env.PORT ?? 3000)
await serve(app, { port, hostname: '127.0.0.1' })
console.log(`ready openspeed-fs on ${port}`)
