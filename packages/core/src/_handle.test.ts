import { describe, expect, it } from 'vitest'
import { OpenSpeed } from './open-speed.ts'
import { WebRequestSource } from './request-source.ts'

function securedApp(seen: unknown[]): OpenSpeed {
  return new OpenSpeed()
    .use(async (c, next) => {
      seen.push(c.error)
      c.header('x-frame-options', 'DENY')
      c.header('access-control-allow-origin', '*')
      await next()
    })
    .use('/users/*', (c) => c.text('scoped middleware must not see a path it cannot decode', 500))
    .get('/users/:id', (c) => c.text(c.req.param('id')))
}

describe('requests refused before routing', () => {
  it('answer bad percent-encoding through the middleware that covers every path', async () => {
    const seen: unknown[] = []
    const response = await securedApp(seen).request('/users/%zz')
    expect(response.status).toBe(400)
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(await response.json()).toMatchObject({ code: 'OS_ERR_REQUEST_MALFORMED_URL' })
    expect(seen).toHaveLength(1)
  })

  it('answer a target that does not start with "/" the same way', async () => {
    const seen: unknown[] = []
    const source = new WebRequestSource(new Request('http://localhost/'))
    Object.defineProperty(source, 'target', { value: '*' })
    const response = await securedApp(seen).respond(source)
    expect(response.status).toBe(400)
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(await response.json()).toMatchObject({ code: 'OS_ERR_BAD_REQUEST' })
  })

  it('let a middleware answer them itself', async () => {
    const app = new OpenSpeed().use((c) => c.text('rate limited', 429)).get('/', (c) => c.text('x'))
    expect((await app.request('/%zz')).status).toBe(429)
  })
})
