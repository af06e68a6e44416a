// h3 2 on Node through its own serve() (srvx's Node adapter), as h3's docs write it.
import { getQuery, getRouterParam, H3, HTTPError, readBody, readValidatedBody, serve } from 'h3'
import {
  helloText,
  isAuthorized,
  middlewareCount,
  orderResponse,
  orderSchema,
  paging,
  staticPaths,
} from '../scenarios.mjs'

const app = new H3()
app.get('/', () => helloText)
app.get('/user/:id', (event) => ({ id: getRouterParam(event, 'id') }))
app.post('/json', (event) => readBody(event))

for (const path of staticPaths) app.get(path, () => path)

const noop = (_event, next) => next()
app.get('/mw', () => 'ok', { middleware: Array(middlewareCount).fill(noop) })

const bearer = (event) => {
  if (!isAuthorized(event.req.headers.get('authorization'))) throw new HTTPError({ status: 401 })
}
app.post(
  '/api/orders',
  async (event) => {
    const body = await readValidatedBody(event, orderSchema)
    const query = getQuery(event)
    return orderResponse(body, paging(query.page, query.limit))
  },
  { middleware: [bearer] },
)

const port = Number(process.env.PORT ?? 3000)
const server = serve(app, { port, hostname: '127.0.0.1', silent: true })
await server.ready()
console.log(`ready h3 on ${port}`)
