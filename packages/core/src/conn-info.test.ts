import { describe, expect, it } from 'vitest'
import { getConnInfo } from './conn-info.ts'
import { OpenSpeed } from './open-speed.ts'
import { WebRequestSource } from './request-source.ts'

const app = new OpenSpeed().get('/ip', (c) => c.json(getConnInfo(c)))

describe('getConnInfo', () => {
  it('is empty when the runtime reports nothing, as with app.request()', async () => {
    expect(await (await app.request('/ip')).json()).toEqual({ remote: {} })
  })

  it('reads what the adapter passed, as a value or computed on demand', async () => {
    const remote = { address: '203.0.113.7', port: 51234, family: 'IPv4' } as const
    const fromValue = new WebRequestSource(new Request('http://localhost/ip'), { remote })
    expect(await (await app.respond(fromValue)).json()).toEqual({ remote })
    let calls = 0
    const lazy = () => {
      calls++
      return { remote: { address: '::1', family: 'IPv6' as const } }
    }
    const unused = new OpenSpeed().get('/', (c) => c.text('no ip needed'))
    await unused.respond(new WebRequestSource(new Request('http://localhost/'), lazy))
    expect(calls).toBe(0)
    const fromFunction = new WebRequestSource(new Request('http://localhost/ip'), lazy)
    expect(await (await app.respond(fromFunction)).json()).toEqual({
      remote: { address: '::1', family: 'IPv6' },
    })
    expect(calls).toBe(1)
  })

  it('ignores X-Forwarded-For: a client cannot claim another address', async () => {
    const source = new WebRequestSource(
      new Request('http://localhost/ip', { headers: { 'x-forwarded-for': '10.0.0.1' } }),
      { remote: { address: '198.51.100.2' } },
    )
    expect(await (await app.respond(source)).json()).toEqual({ remote: { address: '198.51.100.2' } })
  })
})

describe('app.respond', () => {
  it('answers HEAD without a body but with the GET headers', async () => {
    const response = await app.respond(
      new WebRequestSource(new Request('http://localhost/ip', { method: 'HEAD' })),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.text()).toBe('')
  })
})
