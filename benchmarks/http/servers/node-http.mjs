// The ceiling: plain node:http with hand-written routing, no framework.
import { createServer } from 'node:http'
import {
  helloText,
  isAuthorized,
  middlewareCount,
  orderResponse,
  orderSchema,
  paging,
  staticPaths,
} from '../scenarios.mjs'

const port = Number(process.env.PORT ?? 3000)
const statics = new Map(staticPaths.map((path) => [path, path]))

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}
const sendText = (res, body, status = 200) => send(res, status, 'text/plain; charset=utf-8', body)
const sendJson = (res, data, status = 200) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(data))

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch (error) {
        reject(error)
      }
    })
    req.on('error', reject)
  })
}

let chain = (res) => sendText(res, 'ok')
for (let i = 0; i < middlewareCount; i++) {
  const next = chain
  chain = (res) => next(res)
}

async function order(req, res, query) {
  if (!isAuthorized(req.headers.authorization)) return sendJson(res, { error: 'unauthorized' }, 401)
  const result = orderSchema.safeParse(await readJson(req))
  if (!result.success) return sendJson(res, { error: 'invalid body', issues: result.error.issues }, 400)
  const params = new URLSearchParams(query)
  sendJson(res, orderResponse(result.data, paging(params.get('page'), params.get('limit'))))
}

createServer((req, res) => {
  const url = req.url
  const q = url.indexOf('?')
  const path = q === -1 ? url : url.slice(0, q)
  if (req.method === 'GET') {
    if (path === '/') return sendText(res, helloText)
    if (path.startsWith('/user/') && path.indexOf('/', 6) === -1) return sendJson(res, { id: path.slice(6) })
    if (path === '/mw') return chain(res)
    const found = statics.get(path)
    if (found !== undefined) return sendText(res, found)
  } else if (req.method === 'POST') {
    const fail = () => sendText(res, 'Bad Request', 400)
    if (path === '/json') return readJson(req).then((data) => sendJson(res, data), fail)
    if (path === '/api/orders') return order(req, res, q === -1 ? '' : url.slice(q + 1)).catch(fail)
  }
  sendText(res, 'Not Found', 404)
}).listen(port, '127.0.0.1', () => console.log(`ready node:http on ${port}`))
