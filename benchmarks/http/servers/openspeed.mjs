// OpenSpeed on Node through @openspeed/adapters-node, as its README writes it (built dist/).
import { serve } from '@openspeed/adapters-node'
import { app } from './_openspeed-app.mjs'

const port = Number(process.env.PORT ?? 3000)
await serve(app, { port, hostname: '127.0.0.1' })
console.log(`ready openspeed on ${port}`)
