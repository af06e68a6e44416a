import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { repoRoot } from '../../scripts/_workspace.mjs'

/** A throwaway git repository shaped like this one: packages a, b (depends on a) and c. */
export interface FixtureRepo {
  root: string
  write(file: string, text: string): void
  git(...args: string[]): string
  remove(): void
}

const manifest = (name: string, version: string, dependencies?: Record<string, string>): string =>
  `${JSON.stringify({ name, version, type: 'module', files: ['dist'], ...(dependencies && { dependencies }) }, null, 2)}\n`

/**
 * Creates the repository with two commits: the packages at 0.0.0, then their release at 0.1.0.
 * Its node_modules is this repository's, so the changesets CLI resolves.
 */
export function createFixtureRepo(): FixtureRepo {
  const root = mkdtempSync(join(tmpdir(), 'openspeed-fixture-repo-'))
  const write = (file: string, text: string): void => {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), text)
  }
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: root,
      encoding: 'utf8',
    })
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir')
  write('.gitignore', 'node_modules\ndist\n')
  write('package.json', '{ "name": "fixture", "private": true }\n')
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n')
  write('.changeset/config.json', readFileSync(join(repoRoot, '.changeset/config.json'), 'utf8'))
  const packages = { a: undefined, b: { '@fx/a': 'workspace:^' }, c: undefined }
  for (const [name, dependencies] of Object.entries(packages)) {
    write(`packages/${name}/package.json`, manifest(`@fx/${name}`, '0.0.0', dependencies))
    write(`packages/${name}/src/index.ts`, `export const name = '${name}'\n`)
    write(`packages/${name}/dist/index.js`, `export const name = '${name}'\n`)
  }
  git('init', '--quiet', '--initial-branch=main')
  git('add', '.')
  git('commit', '--quiet', '-m', 'add packages')
  for (const [name, dependencies] of Object.entries(packages)) {
    write(`packages/${name}/package.json`, manifest(`@fx/${name}`, '0.1.0', dependencies))
  }
  git('commit', '--quiet', '-am', 'release 0.1.0')
  return { root, write, git, remove: () => rmSync(root, { recursive: true, force: true }) }
}
