// Fails when a publishable package's shipped source changed and no changeset names it, or when a
// pending changeset is one `changeset version` would refuse. What "changed" means:
//   - `--since <ref>` or OPENSPEED_CHANGESET_BASE=<ref>: since `git merge-base HEAD <ref>` (a pull
//     request against its target branch); a changeset counts if it was added or edited since then;
//   - else, on a branch that origin/main does not contain yet: since the merge base with it;
//   - else (a clean clone of main, as CI runs): since each package's last release (its
//     `<name>@<version>` tag, or the commit that set its current version; since it was added if it
//     was never released); any pending changeset counts, since a release consumes them.
// Uncommitted and untracked files count as changed; tests (`*.test.ts`, `*.test-d.ts`, `*.case.ts`) do not.
import { pathToFileURL } from 'node:url'
import {
  changedFiles,
  changedSince,
  changesetProblems,
  emptyTree,
  git,
  readChangesets,
} from './_changesets.mjs'
import { publishablePackages, repoRoot } from './_workspace.mjs'

const short = (commit) => (commit === emptyTree ? 'the empty tree' : commit.slice(0, 10))

/**
 * Where "the change" starts: `{ mode: 'range' | 'branch', base, label }` for one base shared by
 * every package, or `{ mode: 'release' }` when each package is compared with its last release.
 *
 * @example
 * resolveBase('/repo', { since: 'origin/main' }) // { mode: 'range', base: '1b59670…', label: '…' }
 */
export function resolveBase(root, { since } = {}) {
  if (since) {
    const base = git(root, ['merge-base', 'HEAD', since])
    if (base === undefined) throw new Error(`cannot find a merge base of HEAD and ${since}`)
    return { mode: 'range', base, label: `the merge base of HEAD and ${since} (${short(base)})` }
  }
  const head = git(root, ['rev-parse', 'HEAD'])
  if (git(root, ['rev-parse', '--verify', '--quiet', 'origin/main']) !== undefined) {
    const base = git(root, ['merge-base', 'HEAD', 'origin/main'])
    if (base !== undefined && base !== head) {
      return { mode: 'branch', base, label: `the merge base with origin/main (${short(base)})` }
    }
  }
  return { mode: 'release' }
}

function versionAt(root, commit, path) {
  const text = git(root, ['show', `${commit}:${path}/package.json`])
  if (text === undefined) return undefined
  try {
    return JSON.parse(text).version
  } catch {
    return undefined
  }
}

/**
 * The commit a package was last released at: its `<name>@<version>` tag if there is one, else the
 * newest commit that set its current version, else the empty tree (never released).
 *
 * @example
 * lastRelease('/repo', pkg) // { base: 'a1b2c3…', label: 'its release 0.2.0 (a1b2c3d4e5)' }
 */
export function lastRelease(root, pkg) {
  const { version } = pkg.manifest
  const tag = `${pkg.name}@${version}`
  if (git(root, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`]) !== undefined) {
    return { base: `refs/tags/${tag}`, label: `its release tag ${tag}` }
  }
  const commits = git(root, ['log', '--format=%H', '-G"version"', '--', `${pkg.path}/package.json`]) ?? ''
  for (const commit of commits.split('\n').filter(Boolean)) {
    if (versionAt(root, commit, pkg.path) !== version) continue
    const before = versionAt(root, `${commit}^`, pkg.path)
    if (before === undefined) break
    if (before !== version) return { base: commit, label: `its release ${version} (${short(commit)})` }
  }
  return { base: emptyTree, label: `it was added (never released)` }
}

/**
 * Every problem the check reports, and a line per package saying what it compared.
 *
 * @example
 * const { problems, report } = await checkChangesets({ root: '/repo', since: 'origin/main' })
 *
 * @param {{ root?: string, since?: string }} [options]
 */
export async function checkChangesets({ root = repoRoot, since } = {}) {
  const packages = await publishablePackages(root)
  const { changesets, problems } = readChangesets(root)
  problems.push(...changesetProblems(changesets, new Set(packages.map((pkg) => pkg.name))))
  const shared = resolveBase(root, { since })
  const report = []
  for (const pkg of packages) {
    const { base, label } = shared.mode === 'release' ? lastRelease(root, pkg) : shared
    const files = changedFiles(root, pkg, base)
    if (files.length === 0) {
      report.push(`${pkg.name}: no shipped source changed since ${label}`)
      continue
    }
    const naming = changesets.filter(
      ({ file, releases }) => releases.has(pkg.name) && changedSince(root, file, base),
    )
    if (naming.length > 0) {
      report.push(
        `${pkg.name}: ${files.length} changed file(s), named by ${naming.map(({ file }) => file).join(', ')}`,
      )
      continue
    }
    const shown = files.slice(0, 5).join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '')
    const folder = pkg.path.split('/').pop()
    problems.push(
      `${pkg.name}: ${shown} changed since ${label}, but no changeset names it: add .changeset/${folder}-<topic>.md with '${pkg.name}': patch (or minor)`,
    )
  }
  return { mode: shared.mode, problems, report }
}

async function main() {
  const sinceFlag = process.argv.indexOf('--since')
  const since =
    sinceFlag === -1 ? process.env.OPENSPEED_CHANGESET_BASE || undefined : process.argv[sinceFlag + 1]
  const { mode, problems, report } = await checkChangesets({ since })
  console.log(
    mode === 'release'
      ? 'changes counted since each package was last released (no OPENSPEED_CHANGESET_BASE, HEAD in origin/main or no origin)'
      : `changes counted since ${mode === 'range' ? 'OPENSPEED_CHANGESET_BASE' : 'origin/main'}`,
  )
  for (const line of report) console.log(`  ${line}`)
  for (const problem of problems) console.error(`error: ${problem}`)
  if (problems.length > 0) process.exitCode = 1
  else console.log('every changed package has a changeset')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
