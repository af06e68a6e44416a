// The Hono 4 app with @hono/zod-validator, as Hono's docs write it; shared by Node and Bun.
import { zValidator } from '@hono/zod-validator'
import { Hono } from 'hono'
import {
  helloText,
  isAuthorized,
  middlewareCount,
  orderResponse,
  orderSchema,
  paging,
  staticPaths,
} from '../scenarios.mjs'

export const app = new Hono()
app.get('/', (c) => c.text(helloText))
app.get('/user/:id', (c) => c.json({ id: c.req.param('id') }))
app.post('/json', async (c) => c.json(await c.req.json()))

for (const path of staticPaths) app.get(path, (c) => c.text(path))

const noop = async (_c, next) => {
  await next()
}
app.get('/mw', ...Array(middlewareCount).fill(noop), (c) => c.text('ok'))

const bearer = async (c, next) => {
  if (!isAuthorized(c.req.header('authorization'))) return c.json({ error: 'unauthorized' }, 401)
  await next()
}
app.post('/api/orders', bearer, zValidator('json', orderSchema), (c) =>
  c.json(orderResponse(c.req.valid('json'), paging(c.req.query('page'), c.req.query('limit')))),
)
