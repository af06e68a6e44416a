import { describe as doc, OpenSpeed } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { component } from './component.ts'
import { openapiHandler } from './handler.ts'

describe('openapiHandler()', () => {
  it('serves the document as JSON, builds it once, and leaves its own route out', async () => {
    const app = new OpenSpeed()
    app.get('/openapi.json', openapiHandler(app, { info: { title: 'T', version: '1' } }))
    app.get('/late', doc({ summary: 'Added after the handler' }), (c) => c.text('x'))
    const response = await app.request('/openapi.json')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    const document = await response.json()
    expect(Object.keys(document.paths)).toEqual(['/late'])
    expect(document.paths['/late'].get.summary).toBe('Added after the handler')
    expect(await (await app.request('/openapi.json')).json()).toEqual(document)
  })
})

describe('component()', () => {
  it('returns the same schema and rejects names OpenAPI cannot use', () => {
    const schema = z.string()
    expect(component('Name_1.x-y', schema)).toBe(schema)
    expect(() => component('has space', schema)).toThrow(/may only contain/)
  })
})
