import { describe, expect, it } from 'vitest'
import { publishablePackages } from '../../scripts/_workspace.mjs'
import { internalNameProblems } from '../src/internal-names.ts'

// "`_` means internal", in every package: entry points pass on nothing from a `_` file, and a
// public file exports only what an entry point passes on.
const packages = await publishablePackages()

describe('"_" means internal', () => {
  it.each(packages.map((pkg) => [pkg.name, pkg] as const))(
    '%s: entry points and public files agree',
    (_, pkg) => {
      expect(internalNameProblems(pkg.dir, pkg.name)).toEqual([])
    },
  )
})
