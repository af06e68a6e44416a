import { once } from 'node:events'
import { createServer } from 'node:http'
import { getConnInfo, OpenSpeed } from '@openspeed/core'
import { expect, it } from 'vitest'
import { handle } from './node.ts'

it('serves a Vercel Node.js Function through the Node adapter', async () => {
  const app = new OpenSpeed()
    .get('/api/hello', (c) => c.json({ hello: 'node', region: (c.env as { region: string }).region }))
    .post('/api/echo', async (c) => c.json(await c.req.json()))
    .get('/api/ip', (c) => c.json(getConnInfo(c)))
  const server = createServer(handle(app, { env: { region: 'fra1' } })).listen(0, '127.0.0.1')
  await once(server, 'listening')
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  try {
    expect(await (await fetch(`${url}/api/hello`)).json()).toEqual({ hello: 'node', region: 'fra1' })
    const echo = await fetch(`${url}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    })
    expect(await echo.json()).toEqual({ a: 1 })
    // the Node adapter reports the socket peer (on Vercel, its proxy), not X-Real-IP
    const ip = await fetch(`${url}/api/ip`, { headers: { 'x-real-ip': '203.0.113.5' } })
    expect(await ip.json()).toMatchObject({ remote: { address: '127.0.0.1' } })
    const invalid = await fetch(`${url}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    })
    expect(invalid.status).toBe(400)
  } finally {
    server.close()
  }
})
