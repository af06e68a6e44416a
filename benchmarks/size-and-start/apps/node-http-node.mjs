import { createServer } from 'node:http'

createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
  res.end('Hello, World!')
}).listen(Number(process.env.PORT ?? 3000), '127.0.0.1')
