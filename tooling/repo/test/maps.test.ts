import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, workspacePackages } from '../../scripts/_workspace.mjs'
import { childFolders, sourceFiles } from '../src/folders.ts'
import { inlineCode, section } from '../src/markdown.ts'

// The maps a newcomer reads (ARCHITECTURE.md, the root README, benchmarks/README.md) against what
// is on disk. Each failure names the file, the section and the entry to add or remove.
const read = (file: string): string => readFileSync(join(repoRoot, file), 'utf8')
const architecture = read('ARCHITECTURE.md')
const readme = read('README.md')
const packages = await workspacePackages()

function mustSection(markdown: string, file: string, title: string): string {
  const text = section(markdown, title)
  if (text === undefined) throw new Error(`${file} has no "${title}" section`)
  return text
}

/** `entries` missing from `text`, each found by `present`, as "<where>: add <entry>" messages. */
function missing(entries: string[], where: string, present: (entry: string) => boolean): string[] {
  return entries.filter((entry) => !present(entry)).map((entry) => `${where}: add ${entry}`)
}

const mentions = (text: string) => (folder: string) =>
  inlineCode(text).some((code) => code === folder || code.startsWith(`${folder}/`) || code === `${folder}/`)

describe('the package maps', () => {
  const apps = packages.filter((pkg) => /^(packages|apps)\//.test(pkg.path))
  const map = mustSection(architecture, 'ARCHITECTURE.md', 'Packages')
  const rows = map.split('\n').filter((line) => line.startsWith('| `'))

  it('ARCHITECTURE.md lists every package and app with a link to its folder', () => {
    const problems = missing(
      apps.map((pkg) => `\`${pkg.name}\` linked as (${pkg.path})`),
      'ARCHITECTURE.md "Packages"',
      (entry) => {
        const [, name, path] = /^`(.+)` linked as \((.+)\)$/.exec(entry)!
        return rows.some((row) => row.includes(`\`${name}\``) && row.includes(`(${path})`))
      },
    )
    expect(problems).toEqual([])
  })

  it('ARCHITECTURE.md marks as planned exactly the packages that do not exist yet', () => {
    const problems: string[] = []
    for (const row of rows) {
      const name = /^\| `([^`]+)`/.exec(row)![1]!
      const folder = /\]\(((?:packages|apps)\/[^)]+)\)|`((?:packages|apps)\/[^`]+)`/.exec(row)
      const path = folder?.[1] ?? folder?.[2]
      if (path === undefined)
        problems.push(`ARCHITECTURE.md "Packages": ${name} names no packages/ or apps/ folder`)
      else if (row.includes('(planned)') && existsSync(join(repoRoot, path, 'package.json')))
        problems.push(
          `ARCHITECTURE.md "Packages": ${path} exists now: link it as [${path}](${path}) and drop "(planned)"`,
        )
      else if (!row.includes('(planned)') && !existsSync(join(repoRoot, path, 'package.json')))
        problems.push(
          `ARCHITECTURE.md "Packages": ${path} does not exist: remove the row or mark it "(planned)"`,
        )
    }
    expect(problems).toEqual([])
  })

  it('the root README links every package and app', () => {
    const table = mustSection(readme, 'README.md', 'Packages')
    const problems = apps
      .filter((pkg) => !table.includes(`](${pkg.path})`))
      .map((pkg) => `README.md "Packages": add a row | [\`${pkg.name}\`](${pkg.path}) | ... |`)
    expect(problems).toEqual([])
  })
})

describe('the folder maps', () => {
  const layout = mustSection(readme, 'README.md', 'Layout')
  const repositoryLayout = mustSection(architecture, 'ARCHITECTURE.md', 'Repository layout')
  const topLevel = childFolders(repoRoot).map((name) => `${name}/`)
  const tooling = childFolders(join(repoRoot, 'tooling')).map((name) => `tooling/${name}`)

  it('README.md "Layout" names every top-level folder and every tooling/ package', () => {
    const folders = [...topLevel.map((folder) => folder.slice(0, -1)), ...tooling]
    expect(missing(folders, 'README.md "Layout"', mentions(layout))).toEqual([])
  })

  it('ARCHITECTURE.md "Repository layout" names every top-level folder and every tooling/ package', () => {
    const folders = [...topLevel.map((folder) => folder.slice(0, -1)), ...tooling]
    expect(missing(folders, 'ARCHITECTURE.md "Repository layout"', mentions(repositoryLayout))).toEqual([])
  })

  it('benchmarks/README.md lists every benchmark suite', () => {
    const table = read('benchmarks/README.md')
    const suites = childFolders(join(repoRoot, 'benchmarks')).map((name) => `\`${name}/\``)
    expect(missing(suites, 'benchmarks/README.md', (suite) => table.includes(`| ${suite}`))).toEqual([])
  })

  it('README.md and CONTRIBUTING.md link ARCHITECTURE.md', () => {
    const files = ['README.md', 'CONTRIBUTING.md']
    expect(files.filter((file) => !read(file).includes('](ARCHITECTURE.md)'))).toEqual([])
  })
})

describe('the core file map', () => {
  const coreSource = join(repoRoot, 'packages/core/src')
  const map = mustSection(architecture, 'ARCHITECTURE.md', 'Core, file by file')
  // the first cell of each table row: | `router/radix-router.ts` | ... |
  const mapped = new Set([...map.matchAll(/^\| `([^`]+\.ts)` \|/gm)].map((match) => match[1]!))

  it('names every source file of packages/core/src', () => {
    const where = 'ARCHITECTURE.md "Core, file by file"'
    const problems = sourceFiles(coreSource)
      .filter((file) => !mapped.has(file))
      .map((file) => `${where}: add a row | \`${file}\` | <what it holds> |`)
    expect(problems).toEqual([])
  })

  it('names no file that is gone', () => {
    const problems = [...mapped]
      .filter((file) => !existsSync(join(coreSource, file)))
      .map(
        (file) => `ARCHITECTURE.md "Core, file by file": remove \`${file}\` (no packages/core/src/${file})`,
      )
    expect(problems).toEqual([])
  })
})
