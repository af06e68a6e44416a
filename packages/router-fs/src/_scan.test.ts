import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { OpenSpeed } from '@openspeed/core'
import { afterEach, describe, expect, it } from 'vitest'
import { textRoute, tmpRoutes } from '../test/_tmp-routes.ts'
import { scanFiles } from './_scan.ts'
import { FileRouteError } from './errors.ts'
import { fileRoutes } from './file-routes.ts'
import { scanRoutes } from './scan-routes.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function folder(files: Record<string, string>) {
  const created = await tmpRoutes(files)
  cleanups.push(created.cleanup)
  return created
}

describe('scanning the routes folder', () => {
  it('follows symlinked folders and files, and survives a link loop and a dangling link', async () => {
    const shared = await folder({ 'list.ts': textRoute('shared list'), 'deep/item.ts': textRoute('item') })
    const routes = await folder({ 'index.ts': textRoute('home') })
    await symlink(shared.dir, join(routes.dir, 'shared'), 'dir')
    await symlink(join(shared.dir, 'list.ts'), join(routes.dir, 'alias.ts'), 'file')
    await symlink(routes.dir, join(routes.dir, 'loop'), 'dir')
    await symlink(join(routes.dir, 'missing'), join(routes.dir, 'dangling.ts'))
    const files = await scanFiles(routes.dir)
    expect(files).toEqual(['alias.ts', 'index.ts', 'shared/deep/item.ts', 'shared/list.ts'])
    const app = new OpenSpeed()
    await fileRoutes(app, { dir: routes.dir })
    expect(await (await app.request('/shared/deep/item')).text()).toBe('item')
    expect(await (await app.request('/alias')).text()).toBe('shared list')
  })

  it('yields no routes for empty folders, and skips node_modules and private folders', async () => {
    const routes = await folder({
      'node_modules/x/index.ts': textRoute('no'),
      '_private/a.ts': textRoute('no'),
    })
    await mkdir(join(routes.dir, 'empty/nested'), { recursive: true })
    expect(await scanFiles(routes.dir)).toEqual([])
    expect(await fileRoutes(new OpenSpeed(), { dir: routes.dir })).toEqual([])
  })

  it('rejects a missing folder or a file given as the folder', async () => {
    const routes = await folder({ 'a.ts': textRoute('a') })
    for (const dir of [join(routes.dir, 'missing'), join(routes.dir, 'a.ts')]) {
      const error = await scanFiles(dir).catch((caught: unknown) => caught)
      expect(FileRouteError.isInstance(error)).toBe(true)
      expect((error as FileRouteError).code).toBe('OS_ERR_ROUTER_FS_DIR_NOT_FOUND')
      expect((error as Error).message).toContain(dir)
    }
  })

  it('lists routes and their inheritance without running route code', async () => {
    const routes = await folder({
      '_middleware.ts': 'throw new Error("never imported")\n',
      'users/_error.ts': 'throw new Error("never imported")\n',
      'users/[id].ts': 'throw new Error("never imported")\n',
    })
    expect(await scanRoutes({ dir: routes.dir, prefix: '/api' })).toEqual([
      {
        path: '/api/users/:id',
        file: 'users/[id].ts',
        chain: [{ kind: 'middleware', file: '_middleware.ts' }],
        errorHandlers: ['users/_error.ts'],
      },
    ])
  })
})

describe('fileRoutes() load errors name the file', () => {
  const cases: [string, Record<string, string>, string, RegExp][] = [
    [
      'syntax error',
      { 'ok.ts': textRoute('ok'), 'bad.ts': 'export const GET = (\n' },
      'OS_ERR_ROUTER_FS_IMPORT_FAILED',
      /^bad\.ts: could not be imported/,
    ],
    [
      'throws at load',
      { 'bad.ts': 'throw new TypeError("no config")\n' },
      'OS_ERR_ROUTER_FS_IMPORT_FAILED',
      /^bad\.ts: could not be imported \(TypeError: no config\)/,
    ],
    [
      'throws a non-error at load',
      { 'bad.ts': 'throw "plain"\n' },
      'OS_ERR_ROUTER_FS_IMPORT_FAILED',
      /\(plain\)/,
    ],
    [
      'no handler',
      { 'bad.ts': 'export const helper = 1\n' },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /^bad\.ts: exports no handler/,
    ],
    [
      'lower-case method',
      { 'bad.ts': 'export const post = () => 1\n' },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /exports "post"; method handlers are exported in upper case \("POST"\)/,
    ],
    [
      'handler not a function',
      { 'bad.ts': 'export const GET = "x"\n' },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /the "GET" export is not a function/,
    ],
    [
      'params not a schema',
      { 'bad.ts': 'export const params = {}\nexport const GET = () => 1\n' },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /the "params" export is not a Standard Schema/,
    ],
    [
      'schema not an object',
      { 'bad.ts': 'export const schema = 1\nexport const GET = () => 1\n' },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /"schema" export must be an object/,
    ],
    [
      'unknown schema member',
      { 'bad.ts': 'export const schema = { body: {} }\nexport const GET = () => 1\n' },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /schema\.body is not a known member/,
    ],
    [
      'schema member not a schema',
      { 'bad.ts': 'export const schema = { POST: { json: {} } }\nexport const POST = () => 1\n' },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /schema\.POST\.json is not a Standard Schema/,
    ],
    [
      'method schema not an object',
      { 'bad.ts': 'export const schema = { GET: 1 }\nexport const GET = () => 1\n' },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /schema\.GET must be an object/,
    ],
    [
      'bad response schemas',
      { 'bad.ts': 'export const schema = { response: { 200: 1 } }\nexport const GET = () => 1\n' },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /schema\.response must map status codes/,
    ],
    [
      'meta not an object',
      { 'bad.ts': 'export const meta = "x"\nexport const GET = () => 1\n' },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /"meta" export must be an object/,
    ],
    [
      'empty middleware list',
      { '_middleware.ts': 'export default []\n', 'a.ts': textRoute('a') },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /^_middleware\.ts: a _middleware file must export default/,
    ],
    [
      'layout not a function',
      { '_layout.ts': 'export default {}\n', 'a.ts': textRoute('a') },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /^_layout\.ts: a _layout file must export default a function/,
    ],
    [
      'error handler missing',
      { '_error.ts': 'export const x = 1\n', 'a.ts': textRoute('a') },
      'OS_ERR_ROUTER_FS_INVALID_EXPORT',
      /^_error\.ts: an _error file must export default a function/,
    ],
  ]
  for (const [name, files, code, message] of cases) {
    it(`${name}: ${code}`, async () => {
      const routes = await folder(files)
      const error = await fileRoutes(new OpenSpeed(), { dir: routes.dir }).catch((caught: unknown) => caught)
      expect(FileRouteError.isInstance(error), String(error)).toBe(true)
      expect((error as FileRouteError).code).toBe(code)
      expect((error as Error).message).toMatch(message)
    })
  }

  it('attaches the import failure as the cause', async () => {
    const routes = await folder({ 'bad.ts': 'throw new RangeError("x")\n' })
    const error = (await fileRoutes(new OpenSpeed(), { dir: routes.dir }).catch(
      (caught: unknown) => caught,
    )) as Error
    expect(error.cause).toBeInstanceOf(RangeError)
    await writeFile(join(routes.dir, 'bad.ts'), textRoute('fixed'))
  })
})
