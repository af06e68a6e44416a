import { expect, it } from 'vitest'
import app from './app.ts'

it('serves a docs page for /openapi.json with its assets from this server', async () => {
  const page = await app.request('/docs')
  expect(page.status).toBe(200)
  expect(page.headers.get('content-type')).toContain('text/html')
  const html = await page.text()
  expect(html).toContain('"url":"/openapi.json"')
  const script = await app.request('/docs?asset=swagger-ui-bundle.js')
  expect(script.status).toBe(200)
  expect((await script.text()).length).toBeGreaterThan(100_000)
})
