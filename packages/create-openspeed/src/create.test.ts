import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildRouteManifest, generateRouteTypes } from '@openspeed/router-fs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { templatesDir } from './_templates.ts'
import { readWorkspaceVersions } from './_workspace-versions.ts'
import { createProject } from './create.ts'
import { CreateError } from './create-error.ts'

let work: string
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'create-openspeed-'))
})
afterEach(() => rmSync(work, { recursive: true, force: true }))

const failure = (run: () => unknown): CreateError => {
  try {
    run()
  } catch (error) {
    if (CreateError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a CreateError')
}

// a built server reads the docs page's files from the project's own swagger-ui-dist: the same
// version @openspeed/openapi installs, so the two resolve to one copy
const openapiManifest = JSON.parse(
  readFileSync(new URL('../../openapi/package.json', import.meta.url), 'utf8'),
) as { dependencies: Record<string, string> }

it('writes the rest-api template for node with released @openspeed/* ranges', () => {
  const project = createProject({ dir: join(work, 'my-api'), packageManager: 'pnpm' })
  expect(project).toMatchObject({ name: 'my-api', template: 'rest-api', runtime: 'node' })
  expect(project.files).toEqual([
    '.gitignore',
    'README.md',
    'openspeed.config.ts',
    'package.json',
    'src/app.test.ts',
    'src/app.ts',
    'src/docs.test.ts',
    'src/docs.ts',
    'src/store.ts',
    'src/todos.ts',
    'tsconfig.json',
  ])
  const versions = readWorkspaceVersions()
  const manifest = JSON.parse(readFileSync(join(project.dir, 'package.json'), 'utf8'))
  expect(manifest.name).toBe('my-api')
  expect(manifest.dependencies).toEqual({
    '@openspeed/adapters-node': `^${versions['@openspeed/adapters-node']}`,
    '@openspeed/core': `^${versions['@openspeed/core']}`,
    '@openspeed/middleware': `^${versions['@openspeed/middleware']}`,
    '@openspeed/openapi': `^${versions['@openspeed/openapi']}`,
    'swagger-ui-dist': openapiManifest.dependencies['swagger-ui-dist'],
    zod: '^4.6.7',
  })
  // swagger-ui-dist depends on @scarf/scarf, whose install script reports the install unless the
  // project opts out (npm reads scarfSettings; pnpm runs no unapproved install script)
  expect(manifest.scarfSettings).toEqual({ enabled: false })
  expect(manifest.pnpm).toEqual({
    onlyBuiltDependencies: ['esbuild'],
    ignoredBuiltDependencies: ['@scarf/scarf'],
  })
  expect(manifest.engines).toEqual({ node: '>=20.19' })
  const app = readFileSync(join(project.dir, 'src/app.ts'), 'utf8')
  for (const middleware of ['requestId()', 'logger()', 'securityHeaders()', 'cors()', 'rateLimit('])
    expect(app).toContain(middleware)
  expect(manifest.devDependencies['@openspeed/cli']).toBe(`^${versions['@openspeed/cli']}`)
  expect(readFileSync(join(project.dir, 'openspeed.config.ts'), 'utf8')).toContain("runtime: 'node'")
  expect(readFileSync(join(project.dir, 'src/app.ts'), 'utf8')).toContain("name: 'my-api'")
  const readme = readFileSync(join(project.dir, 'README.md'), 'utf8')
  expect(readme).toMatch(/^# my-api\n/)
  expect(readme).toContain('pnpm install\npnpm dev')
  expect(readme).not.toMatch(/\{\{\w+\}\}/)
  expect(statSync(project.dir).mode & 0o777).toBe(0o755)
})

it('writes the minimal template for another runtime with its adapter instead of the node one', () => {
  const project = createProject({
    dir: join(work, 'tiny'),
    template: 'minimal',
    runtime: 'cloudflare',
    name: '@acme/tiny',
  })
  const manifest = JSON.parse(readFileSync(join(project.dir, 'package.json'), 'utf8'))
  expect(manifest.name).toBe('@acme/tiny')
  expect(Object.keys(manifest.dependencies)).toEqual(['@openspeed/adapters-cloudflare', '@openspeed/core'])
  expect(readFileSync(join(project.dir, 'openspeed.config.ts'), 'utf8')).toContain("runtime: 'cloudflare'")
  expect(readFileSync(join(project.dir, 'README.md'), 'utf8')).toContain('npm install\nnpm run dev')
})

it('writes a Bun project: Bun engine, adapter and types, Bun commands in the README', () => {
  const project = createProject({ dir: join(work, 'on-bun'), template: 'rest-api', runtime: 'bun' })
  const versions = readWorkspaceVersions()
  const manifest = JSON.parse(readFileSync(join(project.dir, 'package.json'), 'utf8'))
  expect(manifest.engines).toEqual({ bun: '>=1.2' })
  expect(manifest.dependencies['@openspeed/adapters-bun']).toBe(`^${versions['@openspeed/adapters-bun']}`)
  expect(manifest.dependencies).not.toHaveProperty('@openspeed/adapters-node')
  expect(manifest.devDependencies['@types/bun']).toMatch(/^\^1\./)
  const tsconfig = JSON.parse(readFileSync(join(project.dir, 'tsconfig.json'), 'utf8'))
  expect(tsconfig.compilerOptions.types).toEqual(['bun'])
  expect(readFileSync(join(project.dir, 'README.md'), 'utf8')).toContain('bun install\nbun run dev')
})

it.each([
  ['deno', '@openspeed/adapters-deno'],
  ['cloudflare', '@openspeed/adapters-cloudflare'],
])('depends on the adapter a %s build is handed to', (runtime, adapter) => {
  const project = createProject({ dir: join(work, runtime), template: 'minimal', runtime })
  const manifest = JSON.parse(readFileSync(join(project.dir, 'package.json'), 'utf8'))
  expect(Object.keys(manifest.dependencies)).toEqual([adapter, '@openspeed/core'].sort())
})

it('fills an existing empty folder and keeps it', () => {
  const dir = join(work, 'empty')
  mkdirSync(dir)
  createProject({ dir, template: 'minimal' })
  expect(readdirSync(dir)).toContain('package.json')
})

it('rejects bad input before writing anything', () => {
  mkdirSync(join(work, 'taken'))
  writeFileSync(join(work, 'taken/file.txt'), 'x')
  expect(failure(() => createProject({ dir: join(work, 'taken') })).code).toBe('OS_ERR_CREATE_DIR_NOT_EMPTY')
  expect(failure(() => createProject({ dir: join(work, 'Bad Name') })).message).toMatch(
    /"Bad Name" is not a valid package name/,
  )
  const template = failure(() => createProject({ dir: join(work, 'a'), template: 'graphql' }))
  expect(template.code).toBe('OS_ERR_CREATE_UNKNOWN_TEMPLATE')
  expect(template.message).toBe('Unknown template "graphql": choose one of rest-api, fs-routes, minimal')
  const runtime = failure(() => createProject({ dir: join(work, 'b'), runtime: 'java' }))
  expect(runtime.code).toBe('OS_ERR_CREATE_UNKNOWN_RUNTIME')
  expect(runtime.message).toMatch(/^Unknown runtime "java": choose one of node, /)
  expect(readdirSync(work).sort()).toEqual(['taken'])
  expect(existsSync(join(work, 'taken/package.json'))).toBe(false)
})

it('leaves nothing behind when writing fails half-way', () => {
  const dir = join(work, 'half')
  mkdirSync(dir)
  // a folder where package.json goes makes the write fail after the template files were copied
  const blocker = join(work, 'blocked')
  expect(() => createProject({ dir: blocker, name: 'x'.repeat(215) })).toThrow(/not a valid package name/)
  expect(readdirSync(work).sort()).toEqual(['half'])
})

it('writes the fs-routes template with its routes folder, manifest and route types', () => {
  const project = createProject({ dir: join(work, 'files'), template: 'fs-routes', runtime: 'deno' })
  expect(project.files).toEqual([
    '.gitignore',
    'README.md',
    'openspeed.config.ts',
    'package.json',
    'src/app.test.ts',
    'src/app.ts',
    'src/routes.d.ts',
    'src/routes.manifest.ts',
    'src/routes/_middleware.ts',
    'src/routes/index.ts',
    'src/routes/notes/[id].ts',
    'src/routes/notes/index.ts',
    'src/store.ts',
    'tsconfig.json',
    'vitest.config.ts',
  ])
  const config = readFileSync(join(project.dir, 'openspeed.config.ts'), 'utf8')
  expect(config).toContain("runtime: 'deno'")
  expect(config).toContain("routesDir: 'src/routes'")
  const manifest = JSON.parse(readFileSync(join(project.dir, 'package.json'), 'utf8'))
  expect(Object.keys(manifest.dependencies)).toEqual([
    '@openspeed/adapters-deno',
    '@openspeed/core',
    '@openspeed/router-fs',
    'zod',
  ])
})

it('ships the generated manifest and route types exactly as router-fs writes them', async () => {
  const shipped = join(templatesDir, 'fs-routes/src')
  cpSync(join(shipped, 'routes'), join(work, 'routes'), { recursive: true })
  for (const [generate, file] of [
    [buildRouteManifest, 'routes.manifest.ts'],
    [generateRouteTypes, 'routes.d.ts'],
  ] as const) {
    const expected = await generate({ dir: join(work, 'routes'), out: join(work, file) })
    expect(readFileSync(join(shipped, file), 'utf8'), file).toBe(expected)
  }
})

it("applies a template's overlays for the runtime's traits: rest-api bundled alone has no docs page", () => {
  const worker = createProject({ dir: join(work, 'worker'), template: 'rest-api', runtime: 'cloudflare' })
  expect(readFileSync(join(worker.dir, 'src/docs.ts'), 'utf8')).not.toContain('@openspeed/openapi/docs')
  expect(worker.files).not.toContain('_runtime')
  const node = createProject({ dir: join(work, 'node'), template: 'rest-api', runtime: 'node' })
  expect(readFileSync(join(node.dir, 'src/docs.ts'), 'utf8')).toContain('@openspeed/openapi/docs')
})
