import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkChangesets } from '../../scripts/check-changesets.mjs'
import { createFixtureRepo, type FixtureRepo } from './_fixture-repo.ts'

let repo: FixtureRepo
beforeEach(() => {
  repo = createFixtureRepo()
})
afterEach(() => repo.remove())

const changeset = (name: string, bump = 'patch'): string => `---\n'${name}': ${bump}\n---\n\nFixes a thing.\n`

describe('check-changesets on a clean clone (since each last release)', () => {
  it('passes when nothing shipped changed since the release', async () => {
    expect((await checkChangesets({ root: repo.root })).problems).toEqual([])
  })

  it('names the package whose source changed without a changeset', async () => {
    repo.write('packages/a/src/index.ts', "export const name = 'A'\n")
    repo.git('commit', '--quiet', '-am', 'change a')
    const { mode, problems } = await checkChangesets({ root: repo.root })
    expect(mode).toBe('release')
    expect(problems).toEqual([
      expect.stringMatching(/^@fx\/a: packages\/a\/src\/index\.ts changed since its release 0\.1\.0/),
    ])
  })

  it('passes once a pending changeset names it, and ignores test-only changes', async () => {
    repo.write('packages/a/src/index.ts', "export const name = 'A'\n")
    repo.write('packages/c/src/index.test.ts', 'test\n')
    repo.write('.changeset/a-fix.md', changeset('@fx/a'))
    expect((await checkChangesets({ root: repo.root })).problems).toEqual([])
  })

  it('counts every file of a package that was never released', async () => {
    repo.write('packages/d/package.json', '{ "name": "@fx/d", "version": "0.0.0" }\n')
    repo.write('packages/d/src/index.ts', 'export {}\n')
    const { problems } = await checkChangesets({ root: repo.root })
    expect(problems).toEqual([
      expect.stringMatching(/^@fx\/d: packages\/d\/src\/index\.ts changed since it was added/),
    ])
  })

  it('refuses a changeset for an unknown package or with an unknown bump', async () => {
    repo.write('.changeset/typo.md', changeset('@fx/nope', 'huge'))
    expect((await checkChangesets({ root: repo.root })).problems).toEqual([
      '.changeset/typo.md: @fx/nope is not a publishable package of this repository',
      '.changeset/typo.md: @fx/nope: huge is not patch, minor or major',
    ])
  })
})

describe('check-changesets with a base (a pull request)', () => {
  it('does not count a changeset that was already pending at the base', async () => {
    repo.write('.changeset/a-old.md', changeset('@fx/a'))
    repo.git('add', '.')
    repo.git('commit', '--quiet', '-m', 'pending changeset')
    repo.write('packages/a/src/index.ts', "export const name = 'A'\n")
    const { mode, problems } = await checkChangesets({ root: repo.root, since: 'HEAD' })
    expect(mode).toBe('range')
    expect(problems).toEqual([
      expect.stringMatching(
        /^@fx\/a: packages\/a\/src\/index\.ts changed since the merge base of HEAD and HEAD/,
      ),
    ])
    repo.write('.changeset/a-old.md', changeset('@fx/a', 'minor'))
    expect((await checkChangesets({ root: repo.root, since: 'HEAD' })).problems).toEqual([])
  })

  it('compares a branch with origin/main when there is one', async () => {
    repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD')
    repo.write('packages/c/src/index.ts', "export const name = 'C'\n")
    repo.git('commit', '--quiet', '-am', 'change c')
    const { mode, problems } = await checkChangesets({ root: repo.root })
    expect(mode).toBe('branch')
    expect(problems).toEqual([expect.stringMatching(/^@fx\/c: .* since the merge base with origin\/main/)])
  })
})
