// Express 5 as its docs write it: express.json() on the routes that read a body.
import express from 'express'
import {
  helloText,
  isAuthorized,
  middlewareCount,
  orderResponse,
  orderSchema,
  paging,
  staticPaths,
} from '../scenarios.mjs'

const app = express()

app.get('/', (_req, res) => res.type('text').send(helloText))
app.get('/user/:id', (req, res) => res.json({ id: req.params.id }))
app.post('/json', express.json(), (req, res) => res.json(req.body))

for (const path of staticPaths) app.get(path, (_req, res) => res.type('text').send(path))

const noop = (_req, _res, next) => next()
app.get('/mw', ...Array(middlewareCount).fill(noop), (_req, res) => res.type('text').send('ok'))

const bearer = (req, res, next) =>
  isAuthorized(req.headers.authorization) ? next() : res.status(401).json({ error: 'unauthorized' })
app.post('/api/orders', bearer, express.json(), (req, res) => {
  const result = orderSchema.safeParse(req.body)
  if (!result.success) return res.status(400).json({ error: 'invalid body', issues: result.error.issues })
  res.json(orderResponse(result.data, paging(req.query.page, req.query.limit)))
})

const port = Number(process.env.PORT ?? 3000)
app.listen(port, '127.0.0.1', () => console.log(`ready express on ${port}`))
