import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, it } from 'vitest'
import { createProject, memoryLogger, type Project } from '../test/_project.ts'
import { runCli } from './cli.ts'

const bin = fileURLToPath(new URL('../node_modules/.bin/', import.meta.url))
let project: Project | undefined
afterEach(() => {
  project?.remove()
  project = undefined
})

it('scaffolds a plugin package whose own tests and type check pass', async () => {
  project = createProject({}, ['vitest'])
  const logger = memoryLogger()
  expect(
    await runCli(['plugin', 'new', '@acme/openspeed-request-counter'], { logger, cwd: project.dir }),
  ).toBe(0)
  const dir = join(project.dir, 'openspeed-request-counter')
  expect(logger.text()).toContain(`created @acme/openspeed-request-counter in ${dir}`)
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  expect(manifest).toMatchObject({
    name: '@acme/openspeed-request-counter',
    type: 'module',
    peerDependencies: { '@openspeed/core': '>=0.0.0 <1' },
  })
  expect(readFileSync(join(dir, 'src/request-counter.ts'), 'utf8')).toContain(
    'export const requestCounter: Plugin<RequestCounterOptions> = definePlugin({',
  )
  expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(
    /^# @acme\/openspeed-request-counter[\s\S]*```sh\nnpm install[\s\S]*```ts\n/,
  )
  // the project's node_modules (linked to the workspace) resolves @openspeed/core for the plugin
  const output = execFileSync(join(bin, 'vitest'), ['run', '--root', dir], { cwd: dir, encoding: 'utf8' })
  expect(output).toMatch(/3 passed/)
  execFileSync(join(bin, 'tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' })
})

it('writes into --dir and refuses a non-empty folder or an invalid name', async () => {
  project = createProject({ 'taken/file.txt': 'x' })
  const logger = memoryLogger()
  expect(
    await runCli(['plugin', 'new', 'audit-log', '--dir', 'plugins/audit'], { logger, cwd: project.dir }),
  ).toBe(0)
  expect(readFileSync(join(project.dir, 'plugins/audit/src/index.ts'), 'utf8')).toBe(
    "export { auditLog, type AuditLogOptions } from './audit-log.ts'\n",
  )
  expect(await runCli(['plugin', 'new', 'x', '--dir', 'taken'], { logger, cwd: project.dir })).toBe(1)
  expect(logger.text()).toContain('taken is not empty')
  expect(await runCli(['plugin', 'new', 'Bad Name'], { logger, cwd: project.dir })).toBe(2)
  expect(logger.text()).toContain('"Bad Name" is not a valid package name')
  expect(await runCli(['plugin', 'add', 'x'], { logger, cwd: project.dir })).toBe(2)
  expect(logger.text()).toContain('Usage: openspeed plugin new <package-name>')
})
