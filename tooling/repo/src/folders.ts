import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

/**
 * The folders directly inside `dir` that git tracks or would track (not ignored, not `.git`),
 * sorted.
 *
 * @example
 * childFolders('/repo') // ['.changeset', '.ci', 'apps', 'benchmarks', 'packages', 'tooling']
 */
export function childFolders(dir: string): string[] {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== '.git')
    .map((entry) => entry.name)
  if (names.length === 0) return []
  const ignored = gitIgnored(dir, names)
  return names.filter((name) => !ignored.has(name)).sort()
}

function gitIgnored(dir: string, names: string[]): Set<string> {
  try {
    const output = execFileSync('git', ['check-ignore', '--', ...names.map((name) => `${name}/`)], {
      cwd: dir,
      encoding: 'utf8',
    })
    return new Set(
      output
        .split('\n')
        .filter(Boolean)
        .map((line) => line.replace(/\/$/, '')),
    )
  } catch (error) {
    // exit status 1: none of them is ignored
    const { status, stdout } = error as { status?: number; stdout?: string }
    if (status === 1) return new Set()
    throw new Error(`git check-ignore failed in ${dir}: ${stdout ?? String(error)}`)
  }
}

/**
 * The TypeScript source files under `dir` that are not tests (`*.test.ts`, `*.test-d.ts`), as
 * paths relative to `dir` with `/` separators, sorted.
 *
 * @example
 * sourceFiles('/repo/packages/core/src') // ['_build.ts', ..., 'router/radix-router.ts', ...]
 */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !/\.test(?:-d)?\.ts$/.test(file))
    .map((file) => relative(dir, join(dir, file)).split('\\').join('/'))
    .sort()
}
