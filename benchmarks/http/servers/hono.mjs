// Hono 4 on Node through @hono/node-server, as Hono's docs write it.
import { serve } from '@hono/node-server'
import { app } from './_hono-app.mjs'

const port = Number(process.env.PORT ?? 3000)
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => console.log(`ready hono on ${port}`))
