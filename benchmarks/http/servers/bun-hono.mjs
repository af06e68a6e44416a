// Hono on Bun, as Hono's docs write it: Bun.serve({ fetch: app.fetch }).
import { app } from './_hono-app.mjs'

const server = Bun.serve({ port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1', fetch: app.fetch })
console.log(`ready hono (bun) on ${server.port}`)
