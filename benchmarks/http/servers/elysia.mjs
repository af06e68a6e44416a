// Elysia on Node through @elysiajs/node, as Elysia's docs write it.
import { node } from '@elysiajs/node'
import { createApp } from './_elysia-app.mjs'

const app = createApp({ adapter: node() })
const port = Number(process.env.PORT ?? 3000)
app.listen({ port, hostname: '127.0.0.1' }, () => console.log(`ready elysia on ${port}`))
