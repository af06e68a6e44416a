import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { withServer } from '../../test/_serve.ts'
import { setMetric, type TimingVariables, timing } from './index.ts'

function app(options?: Parameters<typeof timing>[0]) {
  return new OpenSpeed<{ Variables: TimingVariables }>()
    .use(timing(options))
    .get('/', (c) => {
      setMetric(c, 'db', 12.345, 'list users')
      const t = c.get('timing')
      t.start('render')
      t.end('render')
      t.end('never-started')
      t.add('cache', undefined, 'hit')
      return c.text('ok', 200, { 'server-timing': 'edge;dur=1' })
    })
    .get('/evil', (c) => {
      setMetric(c, 'bad name;dur=0, x', Number.NaN, 'quote " back\\slash \r\n set-cookie: a=b')
      setMetric(c, '', -1)
      return c.text('ok')
    })
}

describe('timing', () => {
  it('adds total and user metrics to Server-Timing', async () => {
    const response = await app({ allowOrigin: 'https://dash.example.com' }).request('/')
    const header = response.headers.get('server-timing')!
    expect(header).toMatch(
      /^edge;dur=1, db;dur=12\.3;desc="list users", render;dur=\d+\.\d, cache;desc="hit", total;dur=\d+\.\d$/,
    )
    expect(response.headers.get('timing-allow-origin')).toBe('https://dash.example.com')
  })

  it('sanitizes names and descriptions so the header cannot be broken', async () => {
    const response = await app({ total: false }).request('/evil')
    expect(response.headers.get('server-timing')).toBe(
      'bad_name_dur_0__x;desc="quote \\" back\\\\slash  set-cookie: a=b", _',
    )
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('can be gated per request and configured', async () => {
    const gated = app({ enabled: (c) => c.req.header('x-debug') === '1', digits: 3 })
    expect((await gated.request('/')).headers.get('server-timing')).toBe('edge;dur=1')
    const on = await gated.request('/', { headers: { 'x-debug': '1' } })
    expect(on.headers.get('server-timing')).toContain('db;dur=12.345')
    const bare = new OpenSpeed().use(timing({ total: false })).get('/', (c) => c.text('x'))
    expect((await bare.request('/')).headers.get('server-timing')).toBeNull()
    expect(() => timing({ digits: 9 })).toThrow(/digits/)
    expect(() => timing({ allowOrigin: 'a\r\nb' })).toThrow(/allowOrigin/)
    const without = new OpenSpeed().get('/', (c) => {
      setMetric(c, 'db', 1)
      return c.text('fine')
    })
    expect(await (await without.request('/')).text()).toBe('fine')
  })

  it('sends the header through the Node adapter', async () => {
    await withServer(app(), async (url) => {
      const response = await fetch(`${url}/`)
      expect(response.headers.get('server-timing')).toMatch(/total;dur=/)
    })
  })
})
