import Fastify from 'fastify'

const fastify = Fastify({ logger: false })
fastify.get('/', async () => 'Hello, World!')
await fastify.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' })
