// A release without publishing: copies the repository (uncommitted and untracked files included)
// into a scratch clone, runs `changeset version` there, packs every package it bumped with the
// dist/ already built in the checkout, and fails unless
//   - the bumped packages are exactly the ones a changeset names plus the packages that depend on
//     a bumped one (changesets bumps those to keep ranges true), and no private package moves;
//   - every changeset was consumed, and each bumped package got a CHANGELOG.md entry;
//   - each tarball carries the new version and no `workspace:` or `catalog:` range.
// Nothing in the checkout changes. Needs `pnpm build` first.
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { readChangesets } from './_changesets.mjs'
import { run } from './_exec.mjs'
import { repoRoot, workspacePackages } from './_workspace.mjs'

async function mustRun(what, command, args, options) {
  const result = await run(command, args, options)
  if (result.code !== 0)
    throw new Error(`${what} failed (exit ${result.code}):\n${(result.stdout + result.stderr).trim()}`)
  return result
}

/** A clone of `root` at HEAD with the working tree's changes applied on top. */
async function scratchClone(root, dir) {
  await mustRun('git clone', 'git', ['clone', '--quiet', '--shared', root, dir])
  const diff = await mustRun('git diff', 'git', ['diff', 'HEAD', '--binary'], { cwd: root })
  if (diff.stdout.trim() !== '') {
    const patch = join(dir, '.git', 'working-tree.patch')
    writeFileSync(patch, diff.stdout)
    await mustRun('git apply', 'git', ['apply', '--whitespace=nowarn', patch], { cwd: dir })
  }
  const untracked = await mustRun(
    'git ls-files',
    'git',
    ['ls-files', '--others', '--exclude-standard', '-z'],
    { cwd: root },
  )
  for (const file of untracked.stdout.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    copyFileSync(join(root, file), join(dir, file))
  }
  // the changesets CLI and its changelog generator resolve from the clone's node_modules
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
}

/**
 * Links each package's `workspace:` dependencies to the clone's own copies, so that `pnpm pack`
 * writes the bumped versions into the tarball (an install would take minutes; pack needs no more).
 */
function linkWorkspaceDependencies(packages) {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]))
  for (const pkg of packages) {
    const groups = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']
    const ranges = groups.flatMap((group) => Object.entries(pkg.manifest[group] ?? {}))
    const linked = new Set()
    for (const [name, range] of ranges) {
      const target = byName.get(name)
      if (!String(range).startsWith('workspace:') || target === undefined || linked.has(name)) continue
      linked.add(name)
      const link = join(pkg.dir, 'node_modules', name)
      mkdirSync(dirname(link), { recursive: true })
      symlinkSync(target.dir, link, 'dir')
    }
  }
}

/** Whether `pkg` depends (dependencies or peers) on a package in `bumped`. */
const dependsOnAny = (pkg, bumped) =>
  Object.keys({ ...pkg.manifest.dependencies, ...pkg.manifest.peerDependencies }).find((name) =>
    bumped.has(name),
  )

/**
 * Runs the dry run on `root` and returns `{ releases, problems }`: one `{ name, from, to, why,
 * tarball }` per bumped package.
 *
 * @example
 * const { releases, problems } = await releaseDryRun({ root: '/repo' })
 *
 * @param {{ root?: string, changesetBin?: string }} [options]
 */
export async function releaseDryRun({
  root = repoRoot,
  changesetBin = join(repoRoot, 'node_modules/@changesets/cli/bin.js'),
} = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'openspeed-release-'))
  const clone = join(scratch, 'repo')
  try {
    const before = await workspacePackages(root)
    const named = new Set(readChangesets(root).changesets.flatMap(({ releases }) => [...releases.keys()]))
    await scratchClone(root, clone)
    await mustRun('changeset version', process.execPath, [changesetBin, 'version'], { cwd: clone })
    const cloned = await workspacePackages(clone)
    linkWorkspaceDependencies(cloned)
    const after = new Map(cloned.map((pkg) => [pkg.path, pkg]))
    const bumped = new Map()
    for (const pkg of before) {
      const to = after.get(pkg.path)?.manifest.version
      if (to !== pkg.manifest.version) bumped.set(pkg.name, { pkg, from: pkg.manifest.version, to })
    }
    const problems = []
    const releases = []
    const bumpedNames = new Set(bumped.keys())
    for (const name of named)
      if (!bumped.has(name)) problems.push(`${name} has a changeset but was not bumped`)
    const left = readChangesets(clone).changesets.map(({ file }) => file)
    if (left.length > 0) problems.push(`changeset version left ${left.join(', ')} unconsumed`)
    for (const [name, { pkg, from, to }] of bumped) {
      const dependency = dependsOnAny(pkg, bumpedNames)
      const why = named.has(name) ? 'changeset' : dependency && `depends on ${dependency}`
      if (pkg.manifest.private === true) problems.push(`${name} is private but was bumped ${from} -> ${to}`)
      if (!why)
        problems.push(`${name} was bumped ${from} -> ${to} without a changeset or a bumped dependency`)
      const changelog = join(clone, pkg.path, 'CHANGELOG.md')
      if (!existsSync(changelog) || !readFileSync(changelog, 'utf8').includes(`## ${to}`))
        problems.push(`${name}: CHANGELOG.md has no "## ${to}" entry`)
      const tarball = await packBumped(root, clone, pkg, to, problems)
      releases.push({ name, from, to, why: why || 'nothing', tarball })
    }
    return {
      releases,
      unchanged: before.filter((pkg) => !bumped.has(pkg.name)).map((pkg) => pkg.name),
      problems,
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

async function packBumped(root, clone, pkg, version, problems) {
  if (pkg.manifest.private === true) return undefined
  const dist = join(root, pkg.path, 'dist')
  if (!existsSync(dist)) {
    problems.push(`${pkg.name}: no dist/ in the checkout: run \`pnpm build\` first`)
    return undefined
  }
  cpSync(dist, join(clone, pkg.path, 'dist'), { recursive: true })
  const packs = join(clone, '.packs')
  const result = await run('pnpm', ['pack', '--pack-destination', packs, '--json'], {
    cwd: join(clone, pkg.path),
  })
  if (result.code !== 0) {
    problems.push(`${pkg.name}: pnpm pack failed:\n${(result.stdout + result.stderr).trim()}`)
    return undefined
  }
  const tarball = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))).filename
  const manifest = await run('tar', ['-xOzf', tarball, 'package/package.json'])
  const packed = JSON.parse(manifest.stdout)
  if (packed.version !== version)
    problems.push(`${pkg.name}: the tarball says ${packed.version}, not ${version}`)
  const ranges = Object.entries({
    ...packed.dependencies,
    ...packed.peerDependencies,
    ...packed.optionalDependencies,
  })
  for (const [name, range] of ranges) {
    if (/^(workspace|catalog):/.test(range)) problems.push(`${pkg.name}: the tarball keeps ${name}@${range}`)
  }
  return tarball.split('/').pop()
}

async function main() {
  const { releases, unchanged, problems } = await releaseDryRun()
  console.log(`changeset version would release ${releases.length} package(s):`)
  for (const { name, from, to, why, tarball } of releases) {
    console.log(`  ${name} ${from} -> ${to} (${why})${tarball ? `, packed ${tarball}` : ''}`)
  }
  console.log(`unchanged: ${unchanged.length ? unchanged.join(', ') : 'none'}`)
  for (const problem of problems) console.error(`error: ${problem}`)
  if (problems.length > 0) process.exitCode = 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
