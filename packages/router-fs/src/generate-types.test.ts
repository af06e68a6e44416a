import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { generateRouteTypes } from './generate-types.ts'

const fixture = fileURLToPath(new URL('../test/fixtures/app/', import.meta.url))

describe('generateRouteTypes()', () => {
  it('keeps the fixture app route types current (the package typecheck compiles them)', async () => {
    const committed = await readFile(join(fixture, 'routes.d.ts'), 'utf8').catch(() => '')
    const text = await generateRouteTypes({ dir: join(fixture, 'routes'), out: join(fixture, 'routes.d.ts') })
    expect(text).toBe(committed)
  })

  it('lists every route with its file, params and layouts, prefix included', async () => {
    const out = join(tmpdir(), `router-fs-types-${process.pid}`, 'routes.d.ts')
    const text = await generateRouteTypes({ dir: join(fixture, 'routes'), out, prefix: '/api' })
    expect(text).toContain("'/api/users/:id/posts/:postId': {")
    expect(text).toContain('    params: { id: string; postId: string }')
    expect(text).toContain("    file: 'users/[id]/posts/[postId].ts'")
    expect(text).toContain("'/api': {")
    expect(text).toContain("'/api/docs/*slug': {")
    expect(text).not.toContain('_lib')
    expect(await readFile(out, 'utf8')).toBe(text)
  })
})
