import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The tree of an empty repository: the base of a package that was never released. */
export const emptyTree = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'

/** Runs git in `cwd` and returns its trimmed stdout, or `undefined` if it fails. */
export function git(cwd, args) {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return undefined
  }
}

/**
 * The pending changesets in `<root>/.changeset`: `{ file, releases: Map<name, bump>, summary }`,
 * with `problems` for any front matter changesets would refuse.
 *
 * @example
 * const { changesets, problems } = readChangesets('/repo')
 */
export function readChangesets(root) {
  const dir = join(root, '.changeset')
  const files = existsSync(dir)
    ? readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md')
    : []
  const changesets = []
  const problems = []
  for (const file of files.sort()) {
    const text = readFileSync(join(dir, file), 'utf8')
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text)
    if (match === null) {
      problems.push(`.changeset/${file}: no front matter (--- '<package>': patch|minor|major ---)`)
      continue
    }
    const releases = new Map()
    for (const line of match[1].split('\n').filter((line) => line.trim() !== '')) {
      const release = /^\s*(['"]?)([^'":]+)\1\s*:\s*(\S+)\s*$/.exec(line)
      if (release === null) problems.push(`.changeset/${file}: cannot read the line "${line.trim()}"`)
      else releases.set(release[2], release[3])
    }
    changesets.push({ file: `.changeset/${file}`, releases, summary: match[2].trim() })
  }
  return { changesets, problems }
}

/**
 * Problems with the changesets themselves: an unknown or private package, a bump other than
 * patch/minor/major, no package at all, or an empty summary.
 *
 * @example
 * changesetProblems(changesets, new Set(['@openspeed/core']))
 */
export function changesetProblems(changesets, publishable) {
  const problems = []
  for (const { file, releases, summary } of changesets) {
    if (releases.size === 0) problems.push(`${file}: names no package`)
    if (summary === '') problems.push(`${file}: has no summary for the changelog`)
    for (const [name, bump] of releases) {
      if (!publishable.has(name))
        problems.push(`${file}: ${name} is not a publishable package of this repository`)
      if (!['patch', 'minor', 'major'].includes(bump))
        problems.push(`${file}: ${name}: ${bump} is not patch, minor or major`)
    }
  }
  return problems
}

/**
 * The folders of a package whose files ship as they are: `src` plus every `files` entry other
 * than the build output (`dist`).
 *
 * @example
 * shippedSourcePaths({ path: 'packages/create-openspeed', manifest }) // ['packages/create-openspeed/src', '…/templates']
 */
export function shippedSourcePaths(pkg) {
  const extra = (pkg.manifest.files ?? []).filter(
    (entry) => !/^\.?\/?dist(\/|$)/.test(entry) && entry !== 'src',
  )
  return ['src', ...extra].map((entry) => `${pkg.path}/${entry.replace(/^\.\//, '').replace(/\/$/, '')}`)
}

// tests and the conformance tables they run (`*.case.ts`) sit in src/ but never ship
const isTest = (file) =>
  /(^|\/)src\/.*\.(test|test-d|case)\.[cm]?[jt]sx?$/.test(file) || /\/__snapshots__\//.test(file)

/**
 * The shipped files of `pkg` that differ between `base` and the working tree (uncommitted and
 * untracked files included), tests and `*.case.ts` tables excluded.
 *
 * @example
 * changedFiles('/repo', pkg, 'origin/main') // ['packages/core/src/context.ts']
 */
export function changedFiles(root, pkg, base) {
  const paths = shippedSourcePaths(pkg)
  const changed = git(root, ['diff', '--name-only', '--no-renames', base, '--', ...paths]) ?? ''
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '--', ...paths]) ?? ''
  const files = new Set([...changed.split('\n'), ...untracked.split('\n')].filter(Boolean))
  return [...files].filter((file) => !isTest(file)).sort()
}

/** Whether `file` (relative to the root) is new or different in the working tree since `base`. */
export function changedSince(root, file, base) {
  if (base === emptyTree) return true
  if (git(root, ['cat-file', '-e', `${base}:${file}`]) === undefined) return true
  return git(root, ['diff', '--quiet', base, '--', file]) === undefined
}
