import { describe, expect, it } from 'vitest'
import { HttpError } from './http-error.ts'
import { OpenSpeed } from './open-speed.ts'
import { OpenSpeedError } from './openspeed-error.ts'

describe('HttpError problem members', () => {
  it('sends extension members, a problem type and a title of its own', async () => {
    const app = new OpenSpeed().get('/notes/:id', (c) => {
      throw new HttpError(409, {
        type: 'https://example.com/problems/note-locked',
        title: 'Note locked',
        detail: 'Someone else is editing this note',
        code: 'APP_NOTE_LOCKED',
        extensions: { noteId: c.req.param('id'), editors: ['ada'] },
      })
    })
    const response = await app.request('/notes/42')
    expect(response.status).toBe(409)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toEqual({
      type: 'https://example.com/problems/note-locked',
      title: 'Note locked',
      status: 409,
      detail: 'Someone else is editing this note',
      instance: '/notes/42',
      code: 'APP_NOTE_LOCKED',
      noteId: '42',
      editors: ['ada'],
    })
  })

  it('refuses an extension member that would replace a standard member', () => {
    for (const name of ['type', 'title', 'status', 'detail', 'instance', 'code', 'errors']) {
      const attempt = () => new HttpError(400, { extensions: { [name]: 'x' } })
      expect(attempt).toThrow(OpenSpeedError)
      try {
        attempt()
      } catch (error) {
        expect((error as OpenSpeedError).code).toBe('OS_ERR_PROBLEM_RESERVED_MEMBER')
        expect((error as Error).message).toContain(`"${name}"`)
      }
    }
  })

  it('answers a 500 that leaks nothing when a handler names a reserved member', async () => {
    const logged: unknown[] = []
    const app = new OpenSpeed({ logError: (error) => logged.push(error) }).get('/', () => {
      throw new HttpError(400, { extensions: { status: 200 } })
    })
    const response = await app.request('/')
    expect(response.status).toBe(500)
    expect(JSON.stringify(await response.json())).not.toContain('reserved')
    expect((logged[0] as OpenSpeedError).code).toBe('OS_ERR_PROBLEM_RESERVED_MEMBER')
  })

  it('leaves the body unchanged without extensions', async () => {
    const app = new OpenSpeed().get('/', () => {
      throw new HttpError(403)
    })
    expect(await (await app.request('/')).json()).toEqual({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      instance: '/',
    })
  })
})
