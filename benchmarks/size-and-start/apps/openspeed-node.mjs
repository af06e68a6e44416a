import { serve } from '@openspeed/adapters-node'
import { OpenSpeed } from '@openspeed/core'

const app = new OpenSpeed().get('/', (c) => c.text('Hello, World!'))
await serve(app, { port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1' })
