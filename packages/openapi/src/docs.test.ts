import { serve } from '@openspeed/adapters-node'
import { canRunBrowserTests, withChromiumPage } from '@openspeed/browser-testing'
import { OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { createKitchenSink } from './_kitchen-sink.case.ts'
import { docs } from './docs.ts'
import { openapiHandler } from './handler.ts'
import { openapi } from './openapi.ts'

const info = { title: 'Kitchen sink', version: '1.0.0' }

function createApp() {
  const app = createKitchenSink()
  return app
    .get('/openapi.json', openapiHandler(app, { info }))
    .get('/docs', docs({ url: '/openapi.json', title: 'Kitchen <sink> docs' }))
}

describe('docs()', () => {
  it('serves the page with a strict CSP and its assets from the npm package', async () => {
    const app = createApp()
    const page = await app.request('/docs')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=UTF-8')
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    const html = await page.text()
    expect(html).toContain('<title>Kitchen &#60;sink&#62; docs</title>')
    expect(html).not.toMatch(/https?:\/\//)
    const script = await app.request('/docs?asset=swagger-ui-bundle.js&v=1')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=UTF-8')
    expect(script.headers.get('cache-control')).toMatch(/immutable/)
    expect((await script.text()).length).toBeGreaterThan(100_000)
    expect((await app.request('/docs?asset=swagger-ui.css')).headers.get('content-type')).toBe(
      'text/css; charset=UTF-8',
    )
    const missing = await app.request('/docs?asset=../package.json')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({
      code: 'OS_ERR_NOT_FOUND',
      detail: 'No docs asset named "../package.json"',
    })
  })

  it('keeps the document and docs routes out of the document', () => {
    const paths = Object.keys(openapi(createApp(), { info }).paths)
    expect(paths).not.toContain('/docs')
    expect(paths).not.toContain('/openapi.json')
  })

  it('defaults to /openapi.json', async () => {
    const html = await (await new OpenSpeed().get('/d', docs()).request('/d')).text()
    expect(html).toContain('"url":"/openapi.json"')
    expect(html).toContain('<title>API documentation</title>')
  })
})

describe.skipIf(!canRunBrowserTests())('docs() in Chromium', () => {
  it('renders every operation offline, loading nothing from elsewhere', async () => {
    const server = await serve(createApp(), { port: 0, hostname: '127.0.0.1', gracefulShutdown: false })
    try {
      await withChromiumPage(async ({ page, requests, problems }) => {
        await page.goto(`${server.url}/docs`)
        await page.waitForSelector('.opblock', { timeout: 30_000 })
        const paths = page.locator('.opblock-summary-path, .opblock-summary-path__deprecated')
        const operations = (await paths.allTextContents()).map((text) => text.replace(/\u200b/g, ''))
        const document = openapi(createApp(), { info })
        const expected = Object.entries(document.paths).flatMap(([path, item]) =>
          Object.keys(item).map(() => path),
        )
        expect(operations.sort()).toEqual(expected.sort())
        expect(await page.locator('.opblock').count()).toBe(expected.length)
        expect(await page.locator('.info .title').textContent()).toMatch(/Kitchen sink/)
        await expect(page.locator('text=Create a book').count()).resolves.toBe(1)
        const origin = new URL(server.url).origin
        expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([])
        expect(problems).toEqual([])
      })
    } finally {
      await server.close()
    }
  })
})
