import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleEdgeFunction, startEdge } from './_edge.ts'

let edge: Awaited<ReturnType<typeof startEdge>>

beforeAll(async () => {
  edge = await startEdge(
    await bundleEdgeFunction(fileURLToPath(new URL('./fixtures/edge-function.ts', import.meta.url))),
  )
}, 60_000)

afterAll(async () => {
  await edge?.close()
})

describe('an Edge Function on edge-runtime', () => {
  it('answers inside the Edge runtime', async () => {
    const response = await fetch(`${edge.url}/api/hello`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ hello: 'edge', runtime: 'edge-runtime' })
  })

  it('hands the event waitUntil to c.executionCtx', async () => {
    expect((await fetch(`${edge.url}/api/later`)).status).toBe(202)
    await edge.waitUntil()
    expect(await (await fetch(`${edge.url}/api/done`)).json()).toEqual(['work'])
  })

  it('reads the client address from X-Real-IP, then X-Forwarded-For', async () => {
    const ip = (headers: Record<string, string>) =>
      fetch(`${edge.url}/api/ip`, { headers }).then((r) => r.json())
    expect(await ip({ 'x-real-ip': '203.0.113.5', 'x-forwarded-for': '198.51.100.1' })).toEqual({
      remote: { address: '203.0.113.5', family: 'IPv4' },
    })
    expect(await ip({ 'x-forwarded-for': '2001:db8::5, 10.0.0.1' })).toEqual({
      remote: { address: '2001:db8::5', family: 'IPv6' },
    })
    expect(await ip({})).toEqual({ remote: {} })
  })

  it('answers unknown routes with problem+json', async () => {
    const response = await fetch(`${edge.url}/api/nothing`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })
})
