// Elysia on Bun, its home runtime: the same app without the Node adapter.
import { createApp } from './_elysia-app.mjs'

const app = createApp()
app.listen({ port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1' }, () =>
  console.log(`ready elysia (bun) on ${app.server?.port}`),
)
