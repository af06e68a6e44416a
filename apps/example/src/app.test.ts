import { describe, expect, it } from 'vitest'
import pkg from '../package.json' with { type: 'json' }
import { createApp } from './app.ts'

describe('app', () => {
  it('GET / describes the API and lists every route', async () => {
    const response = await createApp().request('/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({
      name: '@openspeed/example',
      version: pkg.version,
      routes: [
        { method: 'GET', path: '/' },
        { method: 'GET', path: '/health' },
        { method: 'GET', path: '/openapi.json' },
        { method: 'GET', path: '/docs' },
        { method: 'GET', path: '/books' },
        { method: 'POST', path: '/books' },
        { method: 'GET', path: '/books/:id' },
        { method: 'PUT', path: '/books/:id' },
        { method: 'PATCH', path: '/books/:id' },
        { method: 'DELETE', path: '/books/:id' },
      ],
    })
  })

  it('GET /health answers ok', async () => {
    const response = await createApp().request('/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('answers an unknown route with a 404 problem', async () => {
    const response = await createApp().request('/authors')
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No route matches GET /authors',
      instance: '/authors',
      code: 'OS_ERR_NOT_FOUND',
    })
  })

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const response = await createApp().request('/books', { method: 'DELETE' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS')
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Method Not Allowed',
      status: 405,
      detail: 'DELETE is not allowed for /books',
      instance: '/books',
      code: 'OS_ERR_METHOD_NOT_ALLOWED',
    })
  })

  it('lists the methods of an item path in Allow', async () => {
    const response = await createApp().request('/books/anything', { method: 'POST' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, PUT, PATCH, DELETE, HEAD, OPTIONS')
  })
})
