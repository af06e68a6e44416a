// Fastify 5 as its docs write it: route options, hooks for middleware-like steps, logger off.
import Fastify from 'fastify'
import {
  helloText,
  isAuthorized,
  middlewareCount,
  orderResponse,
  orderSchema,
  paging,
  staticPaths,
} from '../scenarios.mjs'

const fastify = Fastify({ logger: false })

fastify.get('/', async () => helloText)
fastify.get('/user/:id', async (request) => ({ id: request.params.id }))
fastify.post('/json', async (request) => request.body)

for (const path of staticPaths) fastify.get(path, async () => path)

const noop = async () => {}
fastify.get('/mw', { onRequest: Array(middlewareCount).fill(noop) }, async () => 'ok')

const bearer = async (request, reply) => {
  if (!isAuthorized(request.headers.authorization)) return reply.code(401).send({ error: 'unauthorized' })
}
fastify.post('/api/orders', { onRequest: bearer }, async (request, reply) => {
  const result = orderSchema.safeParse(request.body)
  if (!result.success) return reply.code(400).send({ error: 'invalid body', issues: result.error.issues })
  return orderResponse(result.data, paging(request.query.page, request.query.limit))
})

const port = Number(process.env.PORT ?? 3000)
await fastify.listen({ port, host: '127.0.0.1' })
console.log(`ready fastify on ${port}`)
