import { expect, it } from 'vitest'
import { presentSubpaths, subpaths } from './_subpaths.ts'

it('declares one subpath per middleware folder, each with source, types and dist', () => {
  for (const subpath of subpaths()) {
    expect(subpath.source).toMatch(new RegExp(`/src/${subpath.name}/index\\.ts$`))
    expect(subpath.dist).toMatch(new RegExp(`/dist/${subpath.name}/index\\.js$`))
    expect(subpath.types).toMatch(new RegExp(`/dist/${subpath.name}/index\\.d\\.ts$`))
  }
})

// one snapshot file per subpath (test/__snapshots__/exports/<name>.txt), so adding a subpath
// needs no edit here; CI (CI=true) fails on a missing or changed snapshot
it.each(presentSubpaths().map((subpath) => [subpath.name, subpath] as const))(
  'the public API of ./%s',
  async (name, subpath) => {
    const names = Object.keys(await import(subpath.source)).sort()
    expect(names.length).toBeGreaterThan(0)
    await expect(`${names.join('\n')}\n`).toMatchFileSnapshot(`./__snapshots__/exports/${name}.txt`)
  },
)
