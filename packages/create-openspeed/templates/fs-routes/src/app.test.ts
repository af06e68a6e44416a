import { expect, it } from 'vitest'
import app from './app.ts'

const postNote = (body: unknown) =>
  app.request('/notes', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

it('answers / from src/routes/index.ts, through the folder middleware', async () => {
  const response = await app.request('/')
  expect(response.status).toBe(200)
  expect(response.headers.get('x-powered-by')).toBe('OpenSpeed')
  expect(await response.json()).toEqual({ name: '{{name}}', resources: ['/notes'] })
})

it('creates, lists, reads and deletes a note', async () => {
  const created = await postNote({ text: 'Try file routes' })
  expect(created.status).toBe(201)
  const note = (await created.json()) as { id: number }
  expect(note).toEqual({ id: note.id, text: 'Try file routes' })
  expect(await (await app.request('/notes')).json()).toContainEqual(note)
  expect(await (await app.request(`/notes/${note.id}`)).json()).toEqual(note)
  expect((await app.request(`/notes/${note.id}`, { method: 'DELETE' })).status).toBe(204)
  expect((await app.request(`/notes/${note.id}`)).status).toBe(404)
})

it('rejects bad input with 400 problems and an unknown method with 405', async () => {
  const empty = await postNote({ text: '' })
  expect(empty.status).toBe(400)
  expect(empty.headers.get('content-type')).toBe('application/problem+json')
  const invalidId = await app.request('/notes/abc')
  expect(invalidId.status).toBe(400)
  expect(((await invalidId.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('/id')
  const wrongMethod = await app.request('/notes/1', { method: 'PUT' })
  expect(wrongMethod.status).toBe(405)
  expect(wrongMethod.headers.get('allow')).toBe('GET, DELETE, HEAD, OPTIONS')
})
