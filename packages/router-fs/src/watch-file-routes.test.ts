import { readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { HttpError, OpenSpeed } from '@openspeed/core'
import { afterEach, describe, expect, it } from 'vitest'
import { textRoute, tmpRoutes } from '../test/_tmp-routes.ts'
import { FileRouteError } from './errors.ts'
import type { FileRouterState } from './watch-file-routes.ts'
import { watchFileRoutes } from './watch-file-routes.ts'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function devApp(files: Record<string, string>, options: { logged?: unknown[] } = {}) {
  const folder = await tmpRoutes(files)
  const app = new OpenSpeed({ logError: (error) => options.logged?.push(error) })
  const router = await watchFileRoutes(app, { dir: folder.dir, watch: false })
  cleanups.push(folder.cleanup, router.close)
  const text = async (path: string, init?: RequestInit) => {
    const response = await app.request(path, init)
    return `${response.status} ${await response.text()}`
  }
  return { app, router, folder, text }
}

describe('watchFileRoutes() in development', () => {
  it('adds, renames, edits and removes routes on reload, without a restart', async () => {
    const { router, folder, text } = await devApp({ 'index.ts': textRoute('v1') })
    expect(await text('/')).toBe('200 v1')
    await folder.write('new.ts', textRoute('new'))
    await router.reload()
    expect(await text('/new')).toBe('200 new')
    await rename(join(folder.dir, 'new.ts'), join(folder.dir, 'renamed.ts'))
    await router.reload()
    expect(await text('/new')).toMatch(/^404 /)
    expect(await text('/renamed')).toBe('200 new')
    await folder.write('index.ts', textRoute('v2'))
    await router.reload()
    expect(await text('/')).toBe('200 v2')
    await rm(join(folder.dir, 'renamed.ts'))
    const state = await router.reload()
    expect(await text('/renamed')).toMatch(/^404 /)
    expect(state.routes.map((route) => route.path)).toEqual(['/'])
    expect(router.routes).toEqual(state.routes)
  })

  it('keeps the other routes working when one file has a syntax error, naming the file', async () => {
    const logged: unknown[] = []
    const { router, folder, text } = await devApp({ 'index.ts': textRoute('ok') }, { logged })
    await folder.write('broken.ts', 'export const GET = (\n')
    const state = await router.reload()
    expect(state.errors).toHaveLength(1)
    expect(FileRouteError.isInstance(state.errors[0])).toBe(true)
    expect((state.errors[0] as FileRouteError).code).toBe('OS_ERR_ROUTER_FS_IMPORT_FAILED')
    expect(state.errors[0]!.message).toMatch(/^broken\.ts: could not be imported/)
    expect(await text('/')).toBe('200 ok')
    const broken = await text('/broken')
    expect(broken).toMatch(/^500 .*"code":"OS_ERR_INTERNAL"/)
    expect(broken).not.toContain('broken.ts')
    expect((logged[0] as Error).message).toMatch(/^broken\.ts: could not be imported/)
    await folder.write('broken.ts', textRoute('fixed'))
    expect((await router.reload()).errors).toEqual([])
    expect(await text('/broken')).toBe('200 fixed')
  })

  it('answers 500 for a file with the wrong exports and lists why', async () => {
    const { router, folder, text } = await devApp({ 'index.ts': textRoute('ok') })
    await folder.write('lower.ts', 'export const get = () => "x"\n')
    await folder.write('users/_middleware.ts', 'export default 42\n')
    await folder.write('users/list.ts', textRoute('list'))
    const state = await router.reload()
    expect(state.errors.map((error) => (error as FileRouteError).code)).toEqual([
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
    ])
    expect(state.errors.map((error) => (error as FileRouteError).file).sort()).toEqual([
      'lower.ts',
      'users/_middleware.ts',
    ])
    expect(await text('/lower')).toMatch(/^500 /)
    expect(await text('/users/list')).toMatch(/^500 /)
    expect(await text('/')).toBe('200 ok')
  })

  it('keeps the previous routes when the folder as a whole is invalid (duplicate route)', async () => {
    const { router, folder, text } = await devApp({ 'a.ts': textRoute('a') })
    await folder.write('a/index.ts', textRoute('other a'))
    const state = await router.reload()
    expect((state.errors[0] as FileRouteError).code).toBe('OS_ERR_ROUTER_FS_DUPLICATE_ROUTE')
    expect(state.errors[0]!.message).toBe('a.ts and a/index.ts both yield the route /a')
    expect(await text('/a')).toBe('200 a')
  })

  it("hands errors to the app's onError, as routes registered directly do", async () => {
    const folder = await tmpRoutes({
      'fail.ts': 'export const GET = () => { throw new Error("nope") }\n',
      'teapot.ts': `export const GET = () => { throw Object.assign(new Error('x'), { status: 418 }) }\n`,
    })
    cleanups.push(folder.cleanup)
    const app = new OpenSpeed()
      .get('/code', (c) => c.text('from code'))
      .onError((error, c) =>
        c.json({ caught: (error as Error).message }, HttpError.isInstance(error) ? error.status : 500),
      )
    const router = await watchFileRoutes(app, { dir: folder.dir, watch: false, prefix: '/files' })
    cleanups.push(router.close)
    expect(await (await app.request('/files/fail')).json()).toEqual({ caught: 'nope' })
    expect(await (await app.request('/code')).text()).toBe('from code')
    const head = await app.request('/files/teapot', { method: 'OPTIONS' })
    expect(head.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
  })

  it('watches the folder: a new file is served after the change is seen', async () => {
    const folder = await tmpRoutes({ 'index.ts': textRoute('home') })
    cleanups.push(folder.cleanup)
    const states: FileRouterState[] = []
    let seen: () => void = () => {}
    const live = new Promise<void>((resolve) => {
      seen = resolve
    })
    const app = new OpenSpeed()
    const router = await watchFileRoutes(app, {
      dir: folder.dir,
      debounce: 20,
      typesOut: join(folder.dir, '..', `${folder.dir.split(/[\\/]/).pop()}-routes.d.ts`),
      onChange: (state) => {
        states.push(state)
        if (state.routes.some((route) => route.path === '/live')) seen()
      },
    })
    cleanups.push(router.close, () => rm(`${folder.dir}-routes.d.ts`, { force: true }))
    expect(states).toHaveLength(1)
    await folder.write('live.ts', textRoute('live'))
    await live
    expect(await (await app.request('/live')).text()).toBe('live')
    expect(await readFile(`${folder.dir}-routes.d.ts`, 'utf8')).toContain("'/live': {")
  })
})
