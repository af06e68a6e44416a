import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const entry = new URL('../dist/index.js', import.meta.url)

describe('built dist/', () => {
  it('exists (run `pnpm --filter @openspeed/core build` first)', () => {
    expect(existsSync(entry), 'dist/index.js is missing').toBe(true)
    expect(existsSync(new URL('../dist/index.d.ts', import.meta.url))).toBe(true)
  })

  it('serves routes, validation errors and problem responses from the built code', async () => {
    const core = (await import(entry.href)) as typeof import('../src/index.ts')
    const schema = {
      '~standard': {
        version: 1 as const,
        vendor: 'test',
        validate: (value: unknown) =>
          typeof (value as { n?: unknown }).n === 'number'
            ? { value }
            : { issues: [{ message: 'n must be a number', path: ['n'] }] },
      },
    }
    const app = new core.OpenSpeed()
      .get('/users/:id', (c) => c.json({ id: c.req.param('id') }))
      .post('/n', core.validate('json', schema), (c) => c.json(c.req.valid('json')))
    expect(await (await app.request('/users/7')).json()).toEqual({ id: '7' })
    const bad = await app.request('/n', {
      method: 'POST',
      body: '{"n":"x"}',
      headers: { 'content-type': 'application/json' },
    })
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors).toEqual([{ where: 'json', path: '/n', message: 'n must be a number' }])
    expect((await app.request('/missing')).headers.get('content-type')).toBe('application/problem+json')
    expect(core.HttpError.isInstance(new core.HttpError(400))).toBe(true)
  })

  it('shares one copy of each class between the main and the adapter entry', async () => {
    const core = (await import(entry.href)) as typeof import('../src/index.ts')
    const adapter = (await import(
      new URL('../dist/adapter.js', import.meta.url).href
    )) as typeof import('../src/adapter.ts')
    const fast = new core.FastResponse(201, { 'content-type': 'text/plain' }, 'made by the main entry')
    const response = adapter.toWebResponse(fast)
    expect(response).toBeInstanceOf(Response)
    expect(await response.text()).toBe('made by the main entry')
    expect(adapter.internalErrorResponse()).toBeInstanceOf(core.FastResponse)
    const app = new core.OpenSpeed().get('/', (c) => c.text('ok'))
    expect(await (await app.respond(new adapter.WebRequestSource(new Request('http://h/')))).text()).toBe(
      'ok',
    )
  })

  it('reads route metadata through the tools entry', async () => {
    const core = (await import(entry.href)) as typeof import('../src/index.ts')
    const toolsEntry = new URL('../dist/tools.js', import.meta.url).href
    const tools = (await import(toolsEntry)) as typeof import('../src/tools.ts')
    const docs = core.describe({ summary: 'Home' })
    const app = new core.OpenSpeed().get('/', docs, (c) => c.text('ok'))
    expect(app.routes()[0]!.handlers.map(tools.getDescription)[0]).toEqual({ summary: 'Home' })
    expect(tools.getValidation(docs)).toBeUndefined()
  })

  it('ships the JSDoc of OpenSpeedRequest on the class itself', () => {
    const dist = new URL('../dist/', import.meta.url)
    const declarations = readdirSync(dist)
      .filter((name) => name.endsWith('.d.ts'))
      .map((name) => readFileSync(new URL(name, dist), 'utf8'))
      .join('\n')
    const doc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*declare class OpenSpeedRequest\b/.exec(declarations)
    expect(doc?.[1]).toMatch(/The request as handlers see it/)
  })
})
