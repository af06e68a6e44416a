import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const packages = fileURLToPath(new URL('../..', import.meta.url))
const linkedPackages = [
  'core',
  'adapters-node',
  'adapters-bun',
  'adapters-deno',
  'adapters-cloudflare',
  'adapters-vercel',
  'adapters-lambda',
  'openapi',
  'router-fs',
  'cli',
]

/** A throw-away project folder outside the workspace, linked to the workspace's packages. */
export interface Project {
  dir: string
  write(path: string, contents: string): void
  remove(): void
}

/**
 * Creates a project in the OS temp folder with `files`, and a `node_modules` linking
 * `@openspeed/core`, every adapter, `@openspeed/openapi`, `@openspeed/router-fs` and `@openspeed/cli` to the workspace packages
 * (their built `dist/`, as an installed project would use them), plus `links` from the CLI's own
 * `node_modules` (tools such as vitest).
 */
export function createProject(files: Record<string, string>, links: string[] = []): Project {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'openspeed-cli-')))
  mkdirSync(join(dir, 'node_modules/@openspeed'), { recursive: true })
  for (const name of linkedPackages) {
    symlinkSync(join(packages, name), join(dir, 'node_modules/@openspeed', name), 'dir')
  }
  for (const name of links)
    symlinkSync(
      realpathSync(join(packages, 'cli/node_modules', name)),
      join(dir, 'node_modules', name),
      'dir',
    )
  const write = (path: string, contents: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), contents)
  }
  write('package.json', '{ "name": "fixture", "private": true, "type": "module" }\n')
  for (const [path, contents] of Object.entries(files)) write(path, contents)
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A logger that keeps every line, for assertions. */
export function memoryLogger(): {
  info(line: string): void
  error(line: string): void
  lines: string[]
  text(): string
} {
  const lines: string[] = []
  return {
    lines,
    info: (line) => lines.push(line),
    error: (line) => lines.push(line),
    text: () => lines.join('\n'),
  }
}

/** Polls `probe` until it returns a value, for changes a file watcher applies asynchronously. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** A small app: a counter kept in its own module, a route module, named middleware, `GET /ip`. */
export const counterApp: Record<string, string> = {
  'src/state.ts': 'export const state = { hits: 0 }\n',
  'src/routes/hello.ts': `import type { Context } from '@openspeed/core'
import { state } from '../state.ts'

export function hello(c: Context) {
  return c.json({ message: 'v1', hits: state.hits })
}
`,
  'src/app.ts': `import { getConnInfo, OpenSpeed, type MiddlewareHandler } from '@openspeed/core'
import { hello } from './routes/hello.ts'
import { state } from './state.ts'

const countHits: MiddlewareHandler = async function countHits(_c, next) {
  state.hits++
  await next()
}

const app = new OpenSpeed()
app.use(countHits)
app.get('/hello', hello)
// the client address as the runtime's adapter reports it
app.get('/ip', function clientAddress(c) {
  return c.json(getConnInfo(c).remote)
})
app.post('/reset', function reset(c) {
  state.hits = 0
  return c.json({ ok: true })
})
export default app
`,
}

/** An app whose routes are files in `src/routes`, read through the manifest `openspeed` writes. */
export const fileRoutesApp: Record<string, string> = {
  'openspeed.config.ts': `import { defineConfig } from '@openspeed/cli'
export default defineConfig({ routesDir: 'src/routes' })
`,
  'src/state.ts': 'export const state = { hits: 0 }\n',
  'src/app.ts': `import { OpenSpeed } from '@openspeed/core'
import { applyRouteManifest } from '@openspeed/router-fs/manifest'
import routes from './routes.manifest.ts'

const app = new OpenSpeed()
applyRouteManifest(app, routes)
export default app
`,
  'src/routes/index.ts': `import type { Context } from '@openspeed/core'
export function GET(c: Context) {
  return c.json({ home: true })
}
`,
  'src/routes/hits.ts': `import type { Context } from '@openspeed/core'
import { state } from '../state.ts'

export function GET(c: Context) {
  state.hits++
  return c.json({ hits: state.hits })
}
`,
}

/**
 * An app whose \`GET /wrong\` answers a body its documented response schema refuses, under
 * \`validateResponses()\` (a hand-written Standard Schema, so the project needs no schema library).
 */
export const invalidResponseApp: Record<string, string> = {
  'src/app.ts': `import { describe, OpenSpeed } from '@openspeed/core'
import { validateResponses } from '@openspeed/openapi'

const okTrue = {
  '~standard': {
    version: 1,
    vendor: 'fixture',
    validate: (value: unknown) =>
      (value as { ok?: unknown }).ok === true
        ? { value }
        : { issues: [{ message: 'Expected ok to be true', path: ['ok'] }] },
  },
} as const

const app = new OpenSpeed()
app.use(validateResponses(app))
app.get('/wrong', describe({ responses: { 200: okTrue } }), (c) => c.json({ ok: false }))
export default app
`,
}
