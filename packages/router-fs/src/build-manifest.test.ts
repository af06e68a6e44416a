import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseRequest, checkCase, fixtureCases } from '../test/fixture-cases.ts'
import { buildRouteManifest } from './build-manifest.ts'

const fixture = fileURLToPath(new URL('../test/fixtures/app/', import.meta.url))
const cacheDir = fileURLToPath(new URL('../node_modules/.cache/router-fs-test/', import.meta.url))

describe('buildRouteManifest()', () => {
  it('keeps the fixture manifest current: static imports of every file the routes need', async () => {
    const committed = await readFile(join(fixture, 'routes.manifest.ts'), 'utf8').catch(() => '')
    const text = await buildRouteManifest({
      dir: join(fixture, 'routes'),
      out: join(fixture, 'routes.manifest.ts'),
    })
    expect(text).toBe(committed)
    expect(text).toContain("import * as m0 from './routes/(marketing)/_middleware.ts'")
    expect(text).toContain("'users/[id]/_error.ts': m")
    expect(text).not.toContain('_lib/data')
    expect(text).not.toContain('_trail')
  })
})

describe('the fixture app bundled with its manifest, on workerd', () => {
  let miniflare: Miniflare
  let bundle: string

  beforeAll(async () => {
    const outfile = join(cacheDir, 'worker.js')
    await build({
      entryPoints: [join(fixture, 'worker.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['@openspeed/source'],
      outfile,
      logLevel: 'silent',
    })
    bundle = await readFile(outfile, 'utf8')
    miniflare = new Miniflare({ modules: true, scriptPath: outfile, compatibilityDate: '2025-01-01' })
    await miniflare.ready
  }, 120_000)

  afterAll(async () => {
    await miniflare?.dispose()
  })

  it('bundles with no node: import and no file-system code', () => {
    expect(bundle).not.toMatch(/from\s*["']node:|require\(["']node:/)
    expect(bundle).not.toContain('readdir')
  })

  for (const test of fixtureCases) {
    it(`${test.name}: ${test.method ?? 'GET'} ${test.path} -> ${test.status}`, async () => {
      const request = caseRequest('http://localhost', test)
      const response = await miniflare.dispatchFetch(request.url, {
        method: request.method,
        headers: Object.fromEntries(request.headers),
        body: request.body === null ? undefined : await request.text(),
      })
      expect(await checkCase(test, response as unknown as Response)).toEqual([])
    })
  }
})
