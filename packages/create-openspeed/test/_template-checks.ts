import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { editFile, getJson } from './_scaffold.ts'
import { eventually, type Running } from './_shell.ts'

/** What a new user does with one template, and what they must see. */
export interface TemplateCheck {
  /** A request to a fresh app (dev, build, any runtime) and its JSON answer. */
  probe: { path: string; body: unknown }
  /** With `openspeed dev` (`dev`) running at `url`: edit the project, see it live with state kept, undo. */
  editLive(dir: string, url: string, dev: Running): Promise<void>
  /** More of what the template promises, against its started build. */
  checkServer(url: string): Promise<void>
  /** A line `openspeed routes` prints: a route and the file defining it. */
  route: RegExp
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

/**
 * Polls `url` until its JSON answer passes `accept`. Every 2 s it rewrites `touch` unchanged: a
 * file watcher still scanning the project when the edit lands (a loaded CI machine) misses it,
 * and a real user would simply save again.
 */
const answerAt = (
  url: string,
  accept: (body: any) => boolean,
  what: string,
  touch?: string,
): Promise<any> => {
  let next = Date.now() + 2_000
  return eventually(async () => {
    if (touch !== undefined && Date.now() > next) {
      writeFileSync(touch, readFileSync(touch))
      next = Date.now() + 2_000
    }
    const body = await getJson(url)
    return accept(body) ? body : undefined
  }, what)
}

/** The checks of every template folder; a new template adds one entry. */
export const templateChecks: Record<string, TemplateCheck> = {
  'rest-api': {
    probe: { path: '/todos', body: [] },
    async editLive(dir, url) {
      expect((await fetch(`${url}/todos`, post({ title: 'kept' }))).status).toBe(201)
      const edited = join(dir, 'src/todos.ts')
      const undo = editFile(
        edited,
        'c.json([...todos.values()])',
        'c.json({ edited: true, todos: [...todos.values()] })',
      )
      const body = await answerAt(`${url}/todos`, (json) => json.edited, 'the edited route', edited)
      // the store module was not reloaded: the todo created before the edit is still there
      expect(body).toEqual({ edited: true, todos: [{ id: 1, title: 'kept', done: false }] })
      undo()
    },
    async checkServer(url) {
      const document = (await getJson(`${url}/openapi.json`)) as { paths: Record<string, unknown> }
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/todos', '/todos/{id}']))
      const page = await fetch(`${url}/docs`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('swagger-ui-bundle.js')
      expect((await fetch(`${url}/docs?asset=swagger-ui.css`)).status).toBe(200)
    },
    route: /GET\s+\/todos\/:id\s+.*src\/todos\.ts/,
  },
  'fs-routes': {
    probe: { path: '/notes', body: [] },
    async editLive(dir, url, dev) {
      expect((await fetch(`${url}/notes`, post({ text: 'kept' }))).status).toBe(201)
      const added = join(dir, 'src/routes/hello/[name].ts')
      mkdirSync(join(dir, 'src/routes/hello'))
      writeFileSync(
        added,
        "import type { RouteHandler } from '@openspeed/router-fs'\n\nexport const GET: RouteHandler = (c) => c.json({ hello: c.req.param('name') })\n",
      )
      await answerAt(`${url}/hello/live`, (json) => json.hello === 'live', 'the added route file', added)
      const edited = join(dir, 'src/routes/notes/index.ts')
      const undo = editFile(
        edited,
        'c.json([...notes.values()])',
        'c.json({ edited: true, notes: [...notes.values()] })',
      )
      const body = await answerAt(`${url}/notes`, (json) => json.edited, 'the edited route file', edited)
      expect(body).toEqual({ edited: true, notes: [{ id: 1, text: 'kept' }] })
      undo()
      // the file alone, as an editor deletes it (a folder removed at once can reach the watcher as
      // the folder only), then wait for the reload of the manifest its removal rewrites
      const before = dev.output().length
      rmSync(added)
      await dev.waitFor(/\] reloaded src\/routes\.manifest\.ts in \d+ ms/, 30_000, before)
      expect((await fetch(`${url}/hello/live`)).status).toBe(404)
      rmSync(join(dir, 'src/routes/hello'), { recursive: true })
    },
    async checkServer(url) {
      const home = await fetch(url)
      expect(home.headers.get('x-powered-by')).toBe('OpenSpeed')
      const invalid = await fetch(`${url}/notes/abc`)
      expect(invalid.status).toBe(400)
      expect(invalid.headers.get('content-type')).toBe('application/problem+json')
    },
    route: /GET\s+\/notes\/:id\s+.*src\/routes\/notes\/\[id\]\.ts/,
  },
  minimal: {
    probe: { path: '/', body: { message: 'Hello, OpenSpeed!' } },
    async editLive(dir, url) {
      const edited = join(dir, 'src/app.ts')
      const undo = editFile(edited, 'Hello, OpenSpeed!', 'Hello, live edit!')
      await answerAt(url, (json) => json.message === 'Hello, live edit!', 'the edited route', edited)
      undo()
    },
    async checkServer(url) {
      expect((await fetch(`${url}/missing`)).status).toBe(404)
    },
    route: /GET\s+\/\s+.*src\/app\.ts/,
  },
}
