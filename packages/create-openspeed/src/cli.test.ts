import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { runScript } from './_package-manager.ts'
import { runCreate } from './cli.ts'
import { detectPackageManager } from './package-manager.ts'

let work: string
let lines: string[]
const logger = { info: (line: string) => lines.push(line), error: (line: string) => lines.push(line) }
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'create-openspeed-cli-'))
  lines = []
})
afterEach(() => rmSync(work, { recursive: true, force: true }))

const create = (args: string[], env: Record<string, string> = {}) =>
  runCreate(args, { cwd: work, env, interactive: false, logger })

it('creates a project from flags alone and prints the next steps for the detected manager', async () => {
  expect(
    await create(['api', '--template', 'minimal', '--runtime', 'deno'], {
      npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20.20.2',
    }),
  ).toBe(0)
  expect(lines.join('\n')).toBe(
    `Created api (minimal, deno) in ${work}/api\nNext:\n  cd api\n  pnpm install\n  pnpm dev`,
  )
})

it('prints Bun steps for a Bun project, whoever ran create, unless --pm says otherwise', async () => {
  const env = { npm_config_user_agent: 'npm/10.9.0 node/v20.20.2' }
  expect(await create(['api', '--template', 'minimal', '--runtime', 'bun'], env)).toBe(0)
  expect(lines.at(-1)).toBe('Next:\n  cd api\n  bun install\n  bun run dev')
  expect(await create(['other', '--template', 'minimal', '--runtime', 'bun', '--pm', 'pnpm'], env)).toBe(0)
  expect(lines.at(-1)).toBe('Next:\n  cd other\n  pnpm install\n  pnpm dev')
})

it('uses defaults with --yes (rest-api on node, npm, no git, no install)', async () => {
  expect(await create(['--yes'])).toBe(0)
  expect(lines[0]).toBe(`Created openspeed-app (rest-api, node) in ${work}/openspeed-app`)
  expect(lines[1]).toBe('Next:\n  cd openspeed-app\n  npm install\n  npm run dev')
  expect(existsSync(join(work, 'openspeed-app/.git'))).toBe(false)
})

it('initialises git with --git', async () => {
  expect(await create(['repo', '--git', '--pm', 'yarn'])).toBe(0)
  expect(existsSync(join(work, 'repo/.git'))).toBe(true)
  expect(lines).toContain('Initialising git...')
  expect(lines.at(-1)).toBe('Next:\n  cd repo\n  yarn\n  yarn dev')
})

it('installs with the chosen package manager, and reports a failed install without deleting the project', async () => {
  const bin = join(work, 'bin')
  mkdirSync(bin)
  writeFileSync(join(bin, 'bun'), '#!/bin/sh\necho "installing in $PWD"; touch installed\n')
  writeFileSync(join(bin, 'pnpm'), '#!/bin/sh\necho "no network" >&2; exit 7\n')
  chmodSync(join(bin, 'bun'), 0o755)
  chmodSync(join(bin, 'pnpm'), 0o755)
  const path = process.env.PATH
  process.env.PATH = `${bin}:${path}`
  try {
    expect(await create(['ok', '--install', '--pm', 'bun', '--no-git'])).toBe(0)
    expect(existsSync(join(work, 'ok/installed'))).toBe(true)
    expect(lines.at(-1)).toBe('Next:\n  cd ok\n  bun run dev')
    expect(await create(['broken', '--install', '--pm', 'pnpm'])).toBe(1)
    expect(lines.at(-1)).toMatch(
      /^create-openspeed: pnpm install failed \(exit code 7\); the project is written, run it yourself:\n {2}cd .*broken && pnpm install\nno network$/,
    )
    expect(existsSync(join(work, 'broken/package.json'))).toBe(true)
  } finally {
    process.env.PATH = path
  }
})

it('exits 1 with a clear message on bad input, writing nothing', async () => {
  expect(await create(['x', '--template', 'nope'])).toBe(1)
  expect(lines.at(-1)).toBe(
    'create-openspeed: Unknown template "nope": choose one of rest-api, fs-routes, minimal',
  )
  expect(await create(['x', '--runtime', 'java'])).toBe(1)
  expect(await create(['x', '--pm', 'pip'])).toBe(1)
  expect(lines.at(-1)).toBe('create-openspeed: --pm must be one of npm, pnpm, yarn, bun, got "pip"')
  expect(await create(['x', '--colour'])).toBe(1)
  expect(lines.at(-1)).toMatch(/Unknown option '--colour'.*\(see --help\)/)
  expect(await create(['Not Valid'])).toBe(1)
  expect(readdirSync(work)).toEqual([])
})

it('prints help listing the templates and runtimes found in the templates folder', async () => {
  expect(await create(['--help'])).toBe(0)
  expect(lines[0]).toMatch(/^Usage: create-openspeed \[folder\] \[options\]/)
  expect(lines[0]).toContain('-t, --template <name>   rest-api | fs-routes | minimal (default rest-api)')
  expect(lines[0]).toMatch(/-r, --runtime <name> {4}node \| bun \| deno \| cloudflare/)
})

it('detects the package manager from npm_config_user_agent', () => {
  expect(detectPackageManager('pnpm/10.34.9 npm/? node/v20.20.2 linux x64')).toBe('pnpm')
  expect(detectPackageManager('yarn/4.5.0 npm/? node/v20')).toBe('yarn')
  expect(detectPackageManager('bun/1.4.4 npm/? node/v24')).toBe('bun')
  expect(detectPackageManager('npm/11.0.0 node/v20')).toBe('npm')
  expect(detectPackageManager(undefined)).toBe('npm')
  expect(detectPackageManager('cnpm/9 node/v20')).toBe('npm')
  expect(runScript('npm', 'dev')).toBe('npm run dev')
  // `bun test` / `bun build` would run Bun's own test runner and bundler instead of the scripts
  expect(runScript('bun', 'test')).toBe('bun run test')
  expect(runScript('pnpm', 'test')).toBe('pnpm test')
})
