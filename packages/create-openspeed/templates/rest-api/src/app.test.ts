import { expect, it } from 'vitest'
import app from './app.ts'

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

it('creates, reads, updates and deletes a todo', async () => {
  const created = await app.request('/todos', json({ title: 'Write tests' }))
  expect(created.status).toBe(201)
  const todo = (await created.json()) as { id: number }
  expect(todo).toEqual({ id: todo.id, title: 'Write tests', done: false })

  expect(await (await app.request(`/todos/${todo.id}`)).json()).toEqual(todo)
  const updated = await app.request(`/todos/${todo.id}`, { ...json({ done: true }), method: 'PATCH' })
  expect(await updated.json()).toEqual({ ...todo, done: true })
  expect((await app.request(`/todos/${todo.id}`, { method: 'DELETE' })).status).toBe(204)
  expect((await app.request(`/todos/${todo.id}`)).status).toBe(404)
})

it('rejects an invalid todo with a 400 problem listing the field', async () => {
  const response = await app.request('/todos', json({ title: '' }))
  expect(response.status).toBe(400)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const problem = (await response.json()) as { errors: { path: string }[] }
  expect(problem.errors.map((error) => error.path)).toContain('/title')
})

it('rejects an id that is not a number', async () => {
  expect((await app.request('/todos/abc')).status).toBe(400)
})

it('describes every route in the OpenAPI document at /openapi.json', async () => {
  const response = await app.request('/openapi.json')
  expect(response.status).toBe(200)
  const document = (await response.json()) as {
    openapi: string
    info: { title: string }
    paths: Record<string, Record<string, { summary?: string }>>
    components: { schemas: Record<string, unknown> }
  }
  expect(document.openapi).toBe('3.1.0')
  expect(document.info.title).toBe('{{name}}')
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/todos', '/todos/{id}']))
  expect(document.paths['/todos']?.post?.summary).toBe('Create a todo')
  expect(Object.keys(document.paths['/todos/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch'])
  expect(document.components.schemas).toHaveProperty('Todo')
})

it('answers with a request id, security headers, CORS and rate-limit headers', async () => {
  const response = await app.request('/todos', { headers: { origin: 'https://app.example' } })
  expect(response.status).toBe(200)
  expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
  expect(response.headers.get('access-control-allow-origin')).toBe('*')
  expect(response.headers.get('ratelimit-policy')).toBe('"default";q=600;w=60')
})
