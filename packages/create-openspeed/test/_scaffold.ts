import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sh } from './_shell.ts'

const packages = fileURLToPath(new URL('../..', import.meta.url))

/** A folder where workspace packages are packed and projects are scaffolded, as a new user would. */
export interface Scaffolder {
  work: string
  /** `npm create openspeed@latest <dir> ... --yes`, the packed tarball standing in for the registry. */
  create(dir: string, args: string[]): Promise<string>
  /** Points the project's @openspeed/* dependencies at the packed tarballs (test only) and installs. */
  install(dir: string): Promise<void>
}

/** Packs `names` (folders of packages/, create-openspeed included) into a new temporary folder. */
export async function packWorkspace(names: readonly string[]): Promise<Scaffolder> {
  const work = mkdtempSync(join(tmpdir(), 'create-openspeed-e2e-'))
  const tarballs: Record<string, string> = {}
  for (const name of names) {
    if (!existsSync(join(packages, name, 'dist'))) {
      throw new Error(
        `packages/${name}/dist is missing: run \`pnpm turbo run build --filter=create-openspeed...\` (or pnpm build) first`,
      )
    }
    const json = await sh('pnpm', ['pack', '--pack-destination', work, '--json'], join(packages, name))
    const { name: packageName, filename } = JSON.parse(json.slice(json.indexOf('{'))) as {
      name: string
      filename: string
    }
    tarballs[packageName] = filename
  }
  const overrides = Object.fromEntries(
    Object.entries(tarballs)
      .filter(([name]) => name.startsWith('@openspeed/'))
      .map(([name, tarball]) => [name, `file:${tarball}`]),
  )
  return {
    work,
    create: (dir, args) =>
      sh(
        'npm',
        [
          'exec',
          '--yes',
          // the scaffolder's own @openspeed/* dependencies, which the registry does not have either
          ...Object.values(overrides).map((tarball) => `--package=${tarball.slice('file:'.length)}`),
          `--package=${tarballs['create-openspeed']}`,
          '--prefer-offline',
          '--',
          'create-openspeed',
          dir,
          ...args,
          '--yes',
        ],
        work,
        { npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20' },
      ),
    async install(dir) {
      const file = join(dir, 'package.json')
      const manifest = JSON.parse(readFileSync(file, 'utf8'))
      manifest.pnpm = { ...manifest.pnpm, overrides }
      writeFileSync(file, JSON.stringify(manifest, null, 2))
      await sh('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=append-only'], dir)
    },
  }
}

/** Replaces `from` with `to` in a project file (it must be there); returns a function undoing it. */
export function editFile(file: string, from: string, to: string): () => void {
  const source = readFileSync(file, 'utf8')
  if (!source.includes(from)) throw new Error(`${file} no longer contains ${from}`)
  writeFileSync(file, source.replace(from, to))
  return () => writeFileSync(file, source)
}

/** GETs `url` and resolves with its JSON body. */
export async function getJson(url: string, init?: RequestInit): Promise<unknown> {
  return (await fetch(url, init)).json()
}
