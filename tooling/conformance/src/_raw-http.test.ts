import { once } from 'node:events'
import { createServer } from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { rawExchange } from './_raw-http.ts'

const server = createServer((req, res) => {
  if (req.url === '/chunked') {
    res.setHeader('content-type', 'application/json')
    res.setHeader('transfer-encoding', 'chunked')
    res.write('{"host":')
    res.end(`${JSON.stringify(req.headers.host)}}`)
  } else {
    res.end(`${req.method} ${req.url}`)
  }
})
let baseUrl = ''
beforeAll(async () => {
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

it('sends the head as written and reads the answer once the server closes', async () => {
  const answer = await rawExchange(baseUrl, 'GET http://h/x?y HTTP/1.1\r\nHost: any')
  expect(answer.status).toBe(200)
  expect(answer.headers.connection).toBe('close')
  expect(answer.body).toBe('GET http://h/x?y')
})

it('decodes a chunked body', async () => {
  const answer = await rawExchange(baseUrl, 'GET /chunked HTTP/1.1\r\nHost: h:1')
  expect(answer.headers['transfer-encoding']).toBe('chunked')
  expect(JSON.parse(answer.body)).toEqual({ host: 'h:1' })
})

it('reports status 0 when the server answers no HTTP', async () => {
  const answer = await rawExchange(baseUrl, 'NOT HTTP')
  expect(answer.status).toBe(400)
  const silent = createServer()
  silent.on('connection', (socket) => socket.end('garbage'))
  silent.listen(0, '127.0.0.1')
  await once(silent, 'listening')
  const port = (silent.address() as { port: number }).port
  expect(await rawExchange(`http://127.0.0.1:${port}`, 'GET / HTTP/1.1')).toEqual({
    status: 0,
    headers: {},
    body: 'garbage',
  })
  silent.close()
})
