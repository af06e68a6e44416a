// The OpenSpeed app, shared by the Node and Bun servers. Imports resolve to the built dist/ of
// the workspace packages (what users run), not the TypeScript source.
import { OpenSpeed, validate } from '@openspeed/core'
import {
  helloText,
  isAuthorized,
  middlewareCount,
  orderResponse,
  orderSchema,
  paging,
  staticPaths,
} from '../scenarios.mjs'

export const app = new OpenSpeed()
  .get('/', (c) => c.text(helloText))
  .get('/user/:id', (c) => c.json({ id: c.req.param('id') }))
  .post('/json', async (c) => c.json(await c.req.json()))

for (const path of staticPaths) app.get(path, (c) => c.text(path))

const noop = (_c, next) => next()
app.get('/mw', ...Array(middlewareCount).fill(noop), (c) => c.text('ok'))

const bearer = (c, next) =>
  isAuthorized(c.req.header('authorization')) ? next() : c.json({ error: 'unauthorized' }, 401)
app.post('/api/orders', bearer, validate('json', orderSchema), (c) =>
  c.json(orderResponse(c.req.valid('json'), paging(c.req.query('page'), c.req.query('limit')))),
)
