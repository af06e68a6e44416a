import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { clientEntry, typecheck } from '../../test/_compile.ts'
import { emitContract } from './emit.ts'

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url))

describe('emitContract', () => {
  it('writes a flat contract of an app type that the client checks calls against', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'openspeed-contract-')), 'nested/contract.d.ts')
    const result = emitContract({ entry: fixture('app.ts'), exportName: 'TestApp', out })
    expect(result.routes).toBe(13)
    expect(result.out).toBe(out)
    expect(readFileSync(out, 'utf8')).toBe(result.code)
    expect(result.code).toContain('export type Contract = {\n  "/health": {\n    get: {\n      input: {}\n')
    expect(result.code).toContain('        query: Record<string, string>\n')
    expect(result.code).not.toMatch(/import|OpenSpeed|zod|ZodObject/)
    const consumer = `
import { createClient } from '${clientEntry}'
import type { Contract } from './contract.d.ts'
const api = createClient<Contract>('http://localhost')
export async function run(): Promise<void> {
  const created = await api.post('/books', { json: { title: 'Dune', year: 1965 } })
  if (created.ok) { const id: string = created.data.id; void id }
  const dated = await api.get('/dated')
  if (dated.ok) { const at: string = dated.data.at; void at }
  await api.get('/books/:id', { params: { id: 1 } })
  await api.post('/login', { form: { user: 'ada' } })
  // @ts-expect-error: wrong body
  await api.post('/books', { json: { title: 1 } })
  // @ts-expect-error: wrong param name
  await api.get('/books/:id', { params: { bookId: '1' } })
  // @ts-expect-error: no such path
  await api.get('/authors')
  // @ts-expect-error: /login answers POST only
  await api.get('/login')
}
`
    expect(typecheck({ 'contract.d.ts': result.code, 'consumer.ts': consumer })).toEqual([])
  }, 120_000)

  it('reads an app value or a factory and finds App, app or default by itself', () => {
    const fromFactory = emitContract({ entry: fixture('app.ts'), exportName: 'createTestApp' })
    expect(fromFactory.routes).toBe(13)
    expect(emitContract({ entry: fixture('app.ts'), typeName: 'Api' }).code).toContain('export type Api = {')
  }, 120_000)

  it('inlines every kind of type and names recursive ones', () => {
    const { code, routes } = emitContract({
      entry: fixture('shapes.ts'),
      exportName: 'Routes',
      tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
    })
    expect(routes).toBe(1)
    for (const line of [
      '          mode?: undefined | "fast" | "safe"',
      '        tree: Ref0',
      '        pair: readonly [string, (undefined | number)?, ...boolean[]]',
      '        level: 1 | 2',
      '        map: Map<string, Ref0>',
      '        list: readonly (string | number)[]',
      '          [key: string]: {\n            ok: boolean\n          }',
      '        callback: (...args: any[]) => unknown',
      '        both: {\n          a: 1\n          b: 2\n        }',
      '        mixed: null | string & {\n          brand?: undefined | true\n        }',
      '        big: 10n',
      '        flag: boolean',
      '        template: `id-$' + '{number}`',
      '        loose: any',
      '        nothing: unknown',
      '        "needs-quotes": "x"',
      'type Ref0 = {\n  name: string\n  children: Ref0[]\n}',
    ]) {
      expect(code).toContain(line)
    }
    expect(typecheck({ 'shapes.d.ts': code })).toEqual([])
  }, 120_000)

  it('explains a missing export or entry', () => {
    expect(() => emitContract({ entry: fixture('shapes.ts'), exportName: 'Nope' })).toThrow(
      /shapes\.ts has no export named Nope \(exports: TreeNode, Mode, Level, Routes, default\)/,
    )
    expect(() => emitContract({ entry: fixture('missing.ts') })).toThrow(/Cannot read .*missing\.ts/)
  }, 120_000)
})
