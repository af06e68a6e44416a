// The Elysia app, as Elysia's docs write it (standard-schema body); shared by Node and Bun.
import { Elysia } from 'elysia'
import {
  helloText,
  isAuthorized,
  middlewareCount,
  orderResponse,
  orderSchema,
  paging,
  staticPaths,
} from '../scenarios.mjs'

const noop = () => {}
const bearer = ({ headers, status }) => {
  if (!isAuthorized(headers.authorization)) return status(401, { error: 'unauthorized' })
}

/** Builds the app; `options` carries the Node adapter on Node and nothing on Bun. */
export function createApp(options = {}) {
  const app = new Elysia(options)
    .get('/', () => helloText)
    .get('/user/:id', ({ params }) => ({ id: params.id }))
    .post('/json', ({ body }) => body)
    .get('/mw', () => 'ok', { beforeHandle: Array(middlewareCount).fill(noop) })
    .post('/api/orders', ({ body, query }) => orderResponse(body, paging(query.page, query.limit)), {
      beforeHandle: bearer,
      body: orderSchema,
    })

  for (const path of staticPaths) app.get(path, () => path)
  return app
}
