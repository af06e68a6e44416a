import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, sh, start } from './_shell.ts'

// The new-user flow, for real: pack the workspace packages, `npm exec` the packed create-openspeed,
// install the project with pnpm from those tarballs, then test, build, start and dev it.
const packages = fileURLToPath(new URL('../..', import.meta.url))
const packed = ['core', 'adapters-node', 'cli', 'create-openspeed']
const work = mkdtempSync(join(tmpdir(), 'create-openspeed-e2e-'))
const tarballs: Record<string, string> = {}
const installed: Record<string, string> = {}

beforeAll(async () => {
  for (const name of packed) {
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
}, 180_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

/** `npm create openspeed@latest <dir> ...`, with the packed tarball standing in for the registry. */
async function create(dir: string, args: string[]): Promise<string> {
  const output = await sh(
    'npm',
    [
      'exec',
      '--yes',
      `--package=${tarballs['create-openspeed']}`,
      '--prefer-offline',
      '--',
      'create-openspeed',
      dir,
      ...args,
      '--yes',
    ],
    work,
    {
      npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20',
    },
  )
  return output
}

/** Points the project's @openspeed/* dependencies at the tarballs (test only) and installs. */
async function install(dir: string): Promise<void> {
  const file = join(dir, 'package.json')
  const manifest = JSON.parse(readFileSync(file, 'utf8'))
  const overrides = Object.fromEntries(
    Object.entries(tarballs)
      .filter(([name]) => name.startsWith('@openspeed/'))
      .map(([name, tarball]) => [name, `file:${tarball}`]),
  )
  manifest.pnpm = { ...manifest.pnpm, overrides }
  writeFileSync(file, JSON.stringify(manifest, null, 2))
  await sh('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=append-only'], dir)
}

describe.each(['rest-api', 'minimal'])('the %s template on node, as a new user', (template) => {
  it('creates → install → dev → edit live → test → build → start', async () => {
    const created = await create(`${template}-node`, ['--template', template, '--runtime', 'node'])
    const dir = join(work, `${template}-node`)
    expect(created).toContain(`Created ${template}-node (${template}, node) in ${dir}`)
    expect(created).toContain('pnpm install')
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    for (const range of Object.values({
      ...manifest.dependencies,
      ...manifest.devDependencies,
    }) as string[]) {
      expect(range).not.toMatch(/workspace:|catalog:/)
    }
    await install(dir)
    installed[template] = dir

    const dev = start('pnpm', ['exec', 'openspeed', 'dev', '--port', '0', '--host', '127.0.0.1'], dir)
    try {
      const url = (await dev.waitFor(/dev server on (\S+)/))[1]!
      const appFile = template === 'rest-api' ? 'src/todos.ts' : 'src/app.ts'
      if (template === 'rest-api') {
        const post = await fetch(`${url}/todos`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"title":"kept"}',
        })
        expect(post.status).toBe(201)
        const source = readFileSync(join(dir, appFile), 'utf8')
        writeFileSync(
          join(dir, appFile),
          source.replace(
            '(c) => c.json([...todos.values()])',
            '(c) => c.json({ edited: true, todos: [...todos.values()] })',
          ),
        )
        const body = await eventually(async () => {
          const json = (await (await fetch(`${url}/todos`)).json()) as { edited?: boolean }
          return json.edited ? json : undefined
        }, 'the edited route')
        // the store module was not reloaded: the todo created before the edit is still there
        expect(body).toEqual({ edited: true, todos: [{ id: 1, title: 'kept', done: false }] })
        writeFileSync(join(dir, appFile), source)
      } else {
        const source = readFileSync(join(dir, appFile), 'utf8')
        writeFileSync(join(dir, appFile), source.replace('Hello, OpenSpeed!', 'Hello, live edit!'))
        await eventually(
          async () => ((await (await fetch(url)).text()).includes('live edit') ? true : undefined),
          'the edited route',
        )
        writeFileSync(join(dir, appFile), source)
      }
    } finally {
      await dev.stop()
    }

    expect(await sh('pnpm', ['test'], dir)).toMatch(/Tests\s+\d+ passed/)
    await sh('pnpm', ['exec', 'tsc', '--noEmit'], dir)
    await sh('pnpm', ['build'], dir)
    expect(existsSync(join(dir, 'dist/server.js'))).toBe(true)
    const server = start('pnpm', ['start', '--port', '0', '--host', '127.0.0.1'], dir)
    try {
      const url = (await server.waitFor(/Listening on (\S+)/))[1]!
      const response = await fetch(template === 'rest-api' ? `${url}/todos` : url)
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual(template === 'rest-api' ? [] : { message: 'Hello, OpenSpeed!' })
    } finally {
      await server.stop()
    }
  }, 400_000)
})

describe.each(['bun', 'deno', 'cloudflare'])('templates on %s', (runtime) => {
  it.each(['rest-api', 'minimal'])(
    '%s: scaffolds, passes its tests and builds',
    async (template) => {
      const installedDir = installed[template]
      if (installedDir === undefined)
        throw new Error(`the node ${template} project did not install; see the test above`)
      const name = `${template}-${runtime}`
      await create(name, ['--template', template, '--runtime', runtime])
      const dir = join(work, name)
      expect(readFileSync(join(dir, 'openspeed.config.ts'), 'utf8')).toContain(`runtime: '${runtime}'`)
      // same dependencies as the node project, less its adapter: reuse that install
      symlinkSync(join(installedDir, 'node_modules'), join(dir, 'node_modules'), 'dir')
      expect(await sh(join(dir, 'node_modules/.bin/vitest'), ['run'], dir)).toMatch(/Tests\s+\d+ passed/)
      await sh(join(dir, 'node_modules/.bin/openspeed'), ['build'], dir)
      const outFile = join(dir, 'dist', runtime === 'cloudflare' ? 'worker.js' : 'server.js')
      const module = (await import(pathToFileURL(outFile).href)) as {
        default: { fetch(request: Request): Promise<Response> }
      }
      expect((await module.default.fetch(new Request('http://localhost/'))).status).toBe(200)
    },
    120_000,
  )
})
