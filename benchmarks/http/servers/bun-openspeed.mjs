// OpenSpeed on Bun: the app's Web-standard `fetch` handed to Bun.serve (built dist/).
import { app } from './_openspeed-app.mjs'

await app.ready()
const server = Bun.serve({ port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1', fetch: app.fetch })
console.log(`ready openspeed (bun) on ${server.port}`)
