import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { releaseDryRun } from '../../scripts/release-dry-run.mjs'
import { createFixtureRepo, type FixtureRepo } from './_fixture-repo.ts'

let repo: FixtureRepo
beforeEach(() => {
  repo = createFixtureRepo()
})
afterEach(() => repo.remove())

it('bumps and packs only the package with a changeset, leaving the checkout alone', async () => {
  repo.write('.changeset/a-fix.md', "---\n'@fx/a': patch\n---\n\nFixes a thing.\n")
  const { releases, unchanged, problems } = await releaseDryRun({ root: repo.root })
  expect(problems).toEqual([])
  expect(releases).toEqual([
    { name: '@fx/a', from: '0.1.0', to: '0.1.1', why: 'changeset', tarball: 'fx-a-0.1.1.tgz' },
  ])
  // b's `workspace:^` range still holds 0.1.1: changesets leaves it, and it does not bump
  expect(unchanged).toEqual(['@fx/b', '@fx/c'])
  expect(JSON.parse(readFileSync(join(repo.root, 'packages/a/package.json'), 'utf8')).version).toBe('0.1.0')
  expect(existsSync(join(repo.root, '.changeset/a-fix.md'))).toBe(true)
}, 60_000)

it('bumps nothing without changesets', async () => {
  const { releases, problems } = await releaseDryRun({ root: repo.root })
  expect({ releases, problems }).toEqual({ releases: [], problems: [] })
}, 60_000)

it('bumps a dependent whose range the new version leaves, and packs both', async () => {
  repo.write('.changeset/a-api.md', "---\n'@fx/a': minor\n---\n\nA new API.\n")
  const { releases, problems } = await releaseDryRun({ root: repo.root })
  expect(problems).toEqual([])
  expect(releases.map(({ name, to, why }) => `${name} ${to} (${why})`)).toEqual([
    '@fx/a 0.2.0 (changeset)',
    '@fx/b 0.1.1 (depends on @fx/a)',
  ])
}, 60_000)
