import { existsSync } from 'node:fs'
import { OpenSpeed } from '@openspeed/core'
import { expect, it } from 'vitest'
import { withServer } from './_serve.ts'
import { presentSubpaths } from './_subpaths.ts'

function assertBuilt(path: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`pnpm --filter @openspeed/middleware build\` first`)
  }
}

it.each(presentSubpaths().map((subpath) => [subpath.name, subpath] as const))(
  'dist/%s exports what its source exports, with declarations',
  async (_name, subpath) => {
    assertBuilt(subpath.dist)
    assertBuilt(subpath.types)
    const built = Object.keys(await import(subpath.dist)).sort()
    expect(built).toEqual(Object.keys(await import(subpath.source)).sort())
  },
)

it('serves an app with the built cors, requestId, securityHeaders, etag and csrf over a real socket', async () => {
  const load = async (name: string) => {
    const subpath = presentSubpaths().find((entry) => entry.name === name)!
    assertBuilt(subpath.dist)
    return import(subpath.dist)
  }
  const { cors } = await load('cors')
  const { requestId } = await load('request-id')
  const { securityHeaders } = await load('security-headers')
  const { etag } = await load('etag')
  const { csrf } = await load('csrf')
  const app = new OpenSpeed()
    .use(requestId(), securityHeaders(), cors({ origin: 'https://app.example.com' }), csrf(), etag())
    .get('/', (c) => c.text('hello'))
    .post('/', (c) => c.text('posted'))
  await withServer(app, async (url) => {
    const response = await fetch(`${url}/`, { headers: { origin: 'https://app.example.com' } })
    expect(await response.text()).toBe('hello')
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.headers.get('content-security-policy')).toContain("'nonce-")
    const revalidated = await fetch(`${url}/`, {
      headers: { 'if-none-match': response.headers.get('etag')! },
    })
    expect(revalidated.status).toBe(304)
    const forged = await fetch(`${url}/`, { method: 'POST', headers: { origin: 'https://evil.example' } })
    expect(forged.status).toBe(403)
  })
})
