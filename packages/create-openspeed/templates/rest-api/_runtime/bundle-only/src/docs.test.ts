import { expect, it } from 'vitest'
import app from './app.ts'

it('serves the OpenAPI document, and no docs page in a bundle deployed alone', async () => {
  expect((await app.request('/openapi.json')).status).toBe(200)
  expect((await app.request('/docs')).status).toBe(404)
})
