import { serve } from '@openspeed/adapters-node'
import { canRunBrowserTests, withChromiumPage } from '@openspeed/browser-testing'
import { compileErrors, validate } from '@readme/openapi-parser'
import { describe, expect, it } from 'vitest'
import { createApp } from './app.ts'

describe('GET /openapi.json', () => {
  it('serves an OpenAPI 3.1 document that passes a real validator', async () => {
    const response = await createApp().request('/openapi.json')
    expect(response.status).toBe(200)
    const document = await response.json()
    const result = await validate(structuredClone(document))
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true)
    expect(result.warnings).toEqual([])
    expect(document.openapi).toBe('3.1.0')
  })

  it('documents every route, its inputs, responses and problems', async () => {
    const document = await (await createApp().request('/openapi.json')).json()
    expect(Object.keys(document.paths)).toEqual(['/', '/health', '/books', '/books/{id}'])
    expect(Object.keys(document.paths['/books/{id}'])).toEqual(['get', 'put', 'patch', 'delete'])
    const list = document.paths['/books'].get
    expect(list).toMatchObject({ summary: 'List books', tags: ['books'], operationId: 'getBooks' })
    expect(list.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      'query:limit',
      'query:offset',
      'query:author',
    ])
    expect(list.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/BookPage',
    })
    const create = document.paths['/books'].post
    expect(create.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/BookInput',
    })
    expect(Object.keys(create.responses)).toEqual([
      '201',
      '400',
      '403',
      '409',
      '413',
      '415',
      '429',
      '500',
      '504',
    ])
    expect(create.responses['409'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    })
    // answered by the built-in middleware on its own, documented without a describe()
    const health = document.paths['/health'].get.responses
    expect(Object.keys(health)).toEqual(['200', '403', '429', '500', '504'])
    expect(health['429']).toMatchObject({
      description: expect.stringMatching(/^Too many requests/),
      headers: { 'retry-after': { required: true, schema: { type: 'string' } } },
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    })
    expect(health['504'].description).toBe('No answer within 10000 ms')
    expect(document.paths['/books/{id}'].get.parameters).toEqual([
      {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The book id',
        schema: expect.objectContaining({ format: 'uuid' }),
      },
    ])
    expect(Object.keys(document.components.schemas).sort()).toEqual([
      'Book',
      'BookInput',
      'BookPage',
      'BookPatch',
      'Problem',
    ])
  })
})

describe.skipIf(!canRunBrowserTests())('GET /docs in Chromium', () => {
  it('renders every book operation, loading nothing from elsewhere', async () => {
    const server = await serve(createApp(), { port: 0, hostname: '127.0.0.1', gracefulShutdown: false })
    try {
      await withChromiumPage(async ({ page, requests }) => {
        await page.goto(`${server.url}/docs`)
        await page.waitForSelector('.opblock', { timeout: 30_000 })
        const summaries = await page.locator('.opblock-summary-description').allTextContents()
        expect(summaries).toEqual(
          expect.arrayContaining([
            'List books',
            'Add a book',
            'Read a book',
            'Replace a book',
            'Delete a book',
          ]),
        )
        expect(await page.locator('.opblock').count()).toBe(8)
        const origin = new URL(server.url).origin
        expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([])
      })
    } finally {
      await server.close()
    }
  })
})
