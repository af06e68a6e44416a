import { Hono } from 'hono/tiny'

export default new Hono().get('/', (c) => c.text('Hello, World!'))
