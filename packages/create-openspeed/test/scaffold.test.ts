import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listRuntimes, listTemplates } from '../src/_templates.ts'
import { readWorkspaceVersions } from '../src/_workspace-versions.ts'
import { runtimeChecks } from './_runtime-checks.ts'
import { packWorkspace, type Scaffolder } from './_scaffold.ts'
import { sh, start } from './_shell.ts'
import { templateChecks } from './_template-checks.ts'

// The new-user flow, for real: pack the workspace packages, `npm exec` the packed create-openspeed,
// install the project with pnpm from those tarballs, then dev, edit, test, build and start it.
// Every template × runtime the scaffolder offers is covered; other runtimes reuse the node install.
const versions = readWorkspaceVersions()
const templates = listTemplates(versions).map((choice) => choice.name)
const runtimes = listRuntimes(versions).map((choice) => choice.name)
const packed = [
  'create-openspeed',
  ...new Set([...listTemplates(versions), ...listRuntimes(versions)].flatMap((choice) => choice.requires)),
  '@openspeed/core',
  '@openspeed/cli',
].map((name) => name.replace('@openspeed/', ''))
let scaffolder: Scaffolder
const installed: Record<string, string> = {}

beforeAll(async () => {
  scaffolder = await packWorkspace([...new Set(packed)])
}, 180_000)

afterAll(() => {
  // undefined when packing failed
  if (scaffolder !== undefined) rmSync(scaffolder.work, { recursive: true, force: true })
})

it('covers every template and runtime the scaffolder offers', () => {
  expect(Object.keys(templateChecks).sort()).toEqual([...templates].sort())
  expect(['node', ...Object.keys(runtimeChecks)].sort()).toEqual([...runtimes].sort())
})

describe.each(templates)('the %s template on node, as a new user', (template) => {
  const check = templateChecks[template]!
  it('creates → install → dev → edit live → test → build → start', async () => {
    const created = await scaffolder.create(`${template}-node`, ['--template', template, '--runtime', 'node'])
    const dir = join(scaffolder.work, `${template}-node`)
    expect(created).toContain(`Created ${template}-node (${template}, node) in ${dir}`)
    expect(created).toContain('pnpm install')
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    for (const range of Object.values({ ...manifest.dependencies, ...manifest.devDependencies })) {
      expect(range).not.toMatch(/workspace:|catalog:/)
    }
    await scaffolder.install(dir)
    installed[template] = dir

    const dev = start('pnpm', ['exec', 'openspeed', 'dev', '--port', '0', '--host', '127.0.0.1'], dir)
    try {
      const url = (await dev.waitFor(/dev server on (\S+)/))[1]!
      expect(await (await fetch(`${url}${check.probe.path}`)).json()).toEqual(check.probe.body)
      await check.editLive(dir, url, dev)
    } finally {
      await dev.stop()
    }

    expect(await sh('pnpm', ['test'], dir)).toMatch(/Tests\s+\d+ passed/)
    await sh('pnpm', ['exec', 'tsc', '--noEmit'], dir)
    expect(await sh('pnpm', ['routes'], dir)).toMatch(check.route)
    await sh('pnpm', ['build'], dir)
    expect(existsSync(join(dir, 'dist/server.js'))).toBe(true)
    const server = start('pnpm', ['start', '--port', '0', '--host', '127.0.0.1'], dir)
    try {
      const url = (await server.waitFor(/Listening on (\S+)/))[1]!
      expect(await (await fetch(`${url}${check.probe.path}`)).json()).toEqual(check.probe.body)
      await check.checkServer(url)
    } finally {
      await server.stop()
    }
  }, 400_000)
})

describe.each(Object.keys(runtimeChecks))('templates on %s', (runtime) => {
  it.each(templates)(
    '%s: scaffolds, passes its tests, builds, and its bundle answers',
    async (template) => {
      const installedDir = installed[template]
      if (installedDir === undefined)
        throw new Error(`the node ${template} project did not install; see the test above`)
      const name = `${template}-${runtime}`
      await scaffolder.create(name, ['--template', template, '--runtime', runtime])
      const dir = join(scaffolder.work, name)
      expect(readFileSync(join(dir, 'openspeed.config.ts'), 'utf8')).toContain(`runtime: '${runtime}'`)
      // reuse the node project's install when it holds every dependency; install otherwise
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
      if (names.every((name) => existsSync(join(installedDir, 'node_modules', name))))
        symlinkSync(join(installedDir, 'node_modules'), join(dir, 'node_modules'), 'dir')
      else await scaffolder.install(dir)
      expect(await sh(join(dir, 'node_modules/.bin/vitest'), ['run'], dir)).toMatch(/Tests\s+\d+ passed/)
      await sh(join(dir, 'node_modules/.bin/openspeed'), ['build'], dir)
      const check = templateChecks[template]!
      const build = await runtimeChecks[runtime]!(dir)
      try {
        const response = await build.request(check.probe.path)
        expect(response.status).toBe(200)
        expect(await response.json()).toEqual(check.probe.body)
        if (build.url !== undefined) await check.checkServer(build.url)
      } finally {
        await build.stop()
      }
    },
    120_000,
  )
})
