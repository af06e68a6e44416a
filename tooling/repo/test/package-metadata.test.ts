import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { publishablePackages, repoRoot } from '../../scripts/_workspace.mjs'

// What npm needs to publish with provenance and to link each package to its folder.
const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'))
const packages = await publishablePackages()

describe('publishable package.json metadata', () => {
  it('the root package.json names the repository once', () => {
    expect(root.repository).toEqual({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) })
  })

  it.each(packages.map((pkg) => [pkg.name, pkg] as const))(
    '%s: repository with directory, provenance',
    (_, pkg) => {
      expect({ repository: pkg.manifest.repository, publishConfig: pkg.manifest.publishConfig }).toEqual({
        repository: { type: 'git', url: root.repository.url, directory: pkg.path },
        publishConfig: { access: 'public', provenance: true },
      })
    },
  )
})
