import { orderResponse, orderSchema, paging } from '../../../../scenarios.mjs'

export const schema = { POST: { json: orderSchema } }

export const POST = (c) =>
  c.json(orderResponse(c.req.valid('json'), paging(c.req.query('page'), c.req.query('limit'))))
