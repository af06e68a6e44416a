import { serve } from '@openspeed/adapters-node'
import app from './main.ts'

const port = Number(process.env.PORT ?? 3000)
const hostname = process.env.HOST ?? '0.0.0.0'

const server = await serve(app, { port, hostname })
console.log(`@openspeed/example listening on ${server.url}`)
