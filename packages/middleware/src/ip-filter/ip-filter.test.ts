import { OpenSpeed } from '@openspeed/core'
import { WebRequestSource } from '@openspeed/core/adapter'
import { describe, expect, it } from 'vitest'
import { problemOf, withServer } from '../../test/_serve.ts'
import { type IpFilterOptions, ipFilter } from './index.ts'

function appWith(options: IpFilterOptions): OpenSpeed {
  return new OpenSpeed().use(ipFilter(options)).get('/', (c) => c.text('in'))
}

async function from(app: OpenSpeed, address: string | undefined, headers: Record<string, string> = {}) {
  const remote = address === undefined ? {} : { address }
  return app.respond(new WebRequestSource(new Request('http://localhost/', { headers }), { remote }))
}

describe('ipFilter', () => {
  it('lets allowed addresses in and answers others 403 problem+json', async () => {
    const app = appWith({ allow: ['192.0.2.0/24', '2001:db8::/32'] })
    expect(await (await from(app, '192.0.2.77')).text()).toBe('in')
    expect(await (await from(app, '::ffff:192.0.2.77')).text()).toBe('in')
    expect(await (await from(app, '2001:db8:1::9')).text()).toBe('in')
    const refused = await from(app, '198.51.100.1')
    expect(refused.status).toBe(403)
    expect(await problemOf(refused)).toMatchObject({ status: 403, code: 'OS_ERR_IP_FILTER_DENIED' })
    expect((await from(app, '2001:db9::1')).status).toBe(403)
  })

  it('gives deny precedence over allow', async () => {
    const app = appWith({ allow: ['10.0.0.0/8'], deny: ['10.6.6.0/24'] })
    expect((await from(app, '10.1.1.1')).status).toBe(200)
    expect((await from(app, '10.6.6.6')).status).toBe(403)
    const denyOnly = appWith({ deny: ['fe80::/10', '203.0.113.9'] })
    expect((await from(denyOnly, '203.0.113.10')).status).toBe(200)
    expect((await from(denyOnly, '203.0.113.9')).status).toBe(403)
    expect((await from(denyOnly, 'fe80::1%eth0')).status).toBe(403)
  })

  it('fails closed when the client address is unknown, and says why', async () => {
    for (const response of [
      await from(appWith({ deny: ['10.0.0.0/8'] }), undefined),
      await appWith({ deny: ['10.0.0.0/8'] }).request('/'),
      await from(appWith({ allow: ['10.0.0.0/8'] }), 'not-an-ip'),
    ]) {
      expect(response.status).toBe(403)
      expect(await problemOf(response)).toMatchObject({
        code: 'OS_ERR_IP_FILTER_DENIED',
        detail: 'The server reports no valid client address (getConnInfo), so ipFilter refuses the request',
      })
    }
    const proxied = appWith({ allow: ['10.0.0.0/8'], trustProxy: 1 })
    const forged = await from(proxied, '10.0.0.1', { 'x-forwarded-for': 'garbage' })
    expect(await problemOf(forged)).toMatchObject({
      status: 403,
      detail: 'The client address in the forwarding header is not valid, so ipFilter refuses the request',
    })
  })

  it('ignores X-Forwarded-For unless the peer is a trusted proxy', async () => {
    const spoof = { 'x-forwarded-for': '10.0.0.5' }
    expect((await from(appWith({ allow: ['10.0.0.0/8'] }), '198.51.100.1', spoof)).status).toBe(403)
    const behindProxy = appWith({ allow: ['10.0.0.0/8'], trustProxy: ['192.0.2.1'] })
    expect((await from(behindProxy, '198.51.100.1', spoof)).status).toBe(403)
    expect((await from(behindProxy, '192.0.2.1', spoof)).status).toBe(200)
    // a client prepending an allowed address does not help: the proxy appends the real one
    expect(
      (await from(behindProxy, '192.0.2.1', { 'x-forwarded-for': '10.0.0.5, 198.51.100.1' })).status,
    ).toBe(403)
  })

  it('refuses invalid configuration with a clear error', () => {
    const invalid = expect.objectContaining({ code: 'OS_ERR_IP_FILTER_INVALID_RULE' })
    expect(() => ipFilter({})).toThrow(invalid)
    expect(() => ipFilter({ allow: ['300.1.1.1'] })).toThrow(/"300\.1\.1\.1" is not a valid/)
    expect(() => ipFilter({ deny: ['2001:db8::/129'] })).toThrow(invalid)
    expect(() => ipFilter({ deny: ['example.com'] })).toThrow(invalid)
    expect(() => ipFilter({ allow: '10.0.0.0/8' as unknown as string[] })).toThrow(invalid)
    expect(() => ipFilter({ allow: ['10.0.0.0/8'], trustProxy: ['nope'] })).toThrow(
      expect.objectContaining({ code: 'OS_ERR_TRUST_PROXY_INVALID' }),
    )
  })

  it('filters by the socket address through a real Node server', async () => {
    const allowed = new OpenSpeed()
      .use('/open/*', ipFilter({ allow: ['127.0.0.0/8', '::1'] }))
      .use('/closed/*', ipFilter({ deny: ['127.0.0.1', '::ffff:127.0.0.1'] }))
      .get('/open/x', (c) => c.text('open'))
      .get('/closed/x', (c) => c.text('closed'))
    await withServer(allowed, async (url) => {
      const open = await fetch(`${url}/open/x`)
      expect(await open.text()).toBe('open')
      const closed = await fetch(`${url}/closed/x`, { headers: { 'x-forwarded-for': '8.8.8.8' } })
      expect(closed.status).toBe(403)
      expect(await problemOf(closed)).toMatchObject({ code: 'OS_ERR_IP_FILTER_DENIED' })
    })
  })
})
