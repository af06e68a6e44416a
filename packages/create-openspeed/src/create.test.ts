import {
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
import { afterEach, beforeEach, expect, it } from 'vitest'
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
    zod: '^4.6.7',
  })
  expect(manifest.devDependencies['@openspeed/cli']).toBe(`^${versions['@openspeed/cli']}`)
  expect(readFileSync(join(project.dir, 'openspeed.config.ts'), 'utf8')).toContain("runtime: 'node'")
  expect(readFileSync(join(project.dir, 'src/app.ts'), 'utf8')).toContain("name: 'my-api'")
  const readme = readFileSync(join(project.dir, 'README.md'), 'utf8')
  expect(readme).toMatch(/^# my-api\n/)
  expect(readme).toContain('pnpm install\npnpm dev')
  expect(readme).not.toMatch(/\{\{\w+\}\}/)
  expect(statSync(project.dir).mode & 0o777).toBe(0o755)
})

it('writes the minimal template for another runtime without the node adapter', () => {
  const project = createProject({
    dir: join(work, 'tiny'),
    template: 'minimal',
    runtime: 'cloudflare',
    name: '@acme/tiny',
  })
  const manifest = JSON.parse(readFileSync(join(project.dir, 'package.json'), 'utf8'))
  expect(manifest.name).toBe('@acme/tiny')
  expect(Object.keys(manifest.dependencies)).toEqual(['@openspeed/core'])
  expect(readFileSync(join(project.dir, 'openspeed.config.ts'), 'utf8')).toContain("runtime: 'cloudflare'")
  expect(readFileSync(join(project.dir, 'README.md'), 'utf8')).toContain('npm install\nnpm run dev')
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
  expect(template.message).toBe('Unknown template "graphql": choose one of rest-api, minimal')
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
