import { expect, it } from 'vitest'
import app from './app.ts'

it('says hello', async () => {
  const response = await app.request('/')
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ message: 'Hello, OpenSpeed!' })
})

it('answers unknown paths with a 404 problem', async () => {
  const response = await app.request('/missing')
  expect(response.status).toBe(404)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
})
