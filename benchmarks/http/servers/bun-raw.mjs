// The Bun ceiling: Bun.serve with its built-in `routes` table and a `fetch` fallback.
import { helloText, isAuthorized, orderResponse, orderSchema, paging, staticPaths } from '../scenarios.mjs'

const text = (body) => new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } })
const statics = Object.fromEntries(staticPaths.map((path) => [path, () => text(path)]))

const server = Bun.serve({
  port: Number(process.env.PORT ?? 3000),
  hostname: '127.0.0.1',
  routes: {
    ...statics,
    '/': () => text(helloText),
    '/user/:id': (req) => Response.json({ id: req.params.id }),
    '/mw': () => text('ok'),
    '/json': { POST: async (req) => Response.json(await req.json()) },
    '/api/orders': {
      POST: async (req) => {
        if (!isAuthorized(req.headers.get('authorization')))
          return Response.json({ error: 'unauthorized' }, { status: 401 })
        const result = orderSchema.safeParse(await req.json())
        if (!result.success) return Response.json({ error: 'invalid body' }, { status: 400 })
        const query = new URL(req.url).searchParams
        return Response.json(orderResponse(result.data, paging(query.get('page'), query.get('limit'))))
      },
    },
  },
  fetch: () => new Response('Not Found', { status: 404 }),
})
console.log(`ready bun on ${server.port}`)
