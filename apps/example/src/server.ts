import { serve } from '@openspeed/adapters-node'
import { createApp } from './app.ts'

const port = Number(process.env.PORT ?? 3000)
const hostname = process.env.HOST ?? '0.0.0.0'

const server = await serve(createApp(), { port, hostname })
console.log(`@openspeed/example listening on ${server.url}`)
