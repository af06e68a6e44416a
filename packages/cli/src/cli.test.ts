import { readFileSync } from 'node:fs'
import { OpenSpeedError } from '@openspeed/core'
import { expect, it } from 'vitest'
import { memoryLogger } from '../test/_project.ts'
import { runCli } from './cli.ts'
import { CliError, cliErrorCodes } from './cli-error.ts'

it('prints the command list with --help (exit 0) and without a command (exit 2)', async () => {
  const logger = memoryLogger()
  expect(await runCli(['--help'], { logger })).toBe(0)
  expect(logger.text()).toMatch(
    /^Usage: openspeed <command> \[options\]\n\nCommands:\n {2}dev +Serve the app/,
  )
  for (const name of ['dev', 'build', 'start', 'routes', 'plugin'])
    expect(logger.text()).toContain(`  ${name} `)
  expect(await runCli([], { logger: memoryLogger() })).toBe(2)
})

it('prints each command’s options with --help', async () => {
  for (const name of ['dev', 'build', 'start', 'routes', 'plugin']) {
    const logger = memoryLogger()
    expect(await runCli([name, '--help'], { logger })).toBe(0)
    expect(logger.text()).toMatch(new RegExp(`^Usage: openspeed ${name}`))
    expect(logger.text()).toContain('-h, --help')
  }
  const dev = memoryLogger()
  await runCli(['dev', '-h'], { logger: dev })
  expect(dev.text()).toMatch(/-p, --port <value> +Port to listen on/)
})

it('prints the version', async () => {
  const logger = memoryLogger()
  expect(await runCli(['--version'], { logger })).toBe(0)
  expect(logger.text()).toBe(
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
  )
})

it('exits 2 on an unknown command or flag, naming it', async () => {
  const logger = memoryLogger()
  expect(await runCli(['deploy'], { logger })).toBe(2)
  expect(logger.text()).toContain('openspeed deploy: Unknown command "deploy"')
  expect(await runCli(['build', '--minify'], { logger })).toBe(2)
  expect(logger.text()).toContain("Unknown option '--minify'")
  expect(await runCli(['__proto__'], { logger })).toBe(2)
})

it('reports its errors as OpenSpeedError subclasses, recognised across copies', () => {
  const error = new CliError('OS_ERR_CLI_PORT_IN_USE', 'Port 3000 is already in use')
  expect([error.name, error.code, error.exitCode]).toEqual(['CliError', 'OS_ERR_CLI_PORT_IN_USE', 1])
  expect(OpenSpeedError.isInstance(error)).toBe(true)
  expect(CliError.isInstance(error)).toBe(true)
  expect(CliError.isInstance(new OpenSpeedError('OS_ERR_CLI_USAGE', 'x'))).toBe(false)
  expect(new CliError('OS_ERR_CLI_USAGE', 'x').exitCode).toBe(2)
})

it('documents every error code and its exit code in the README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  for (const [code, { exitCode }] of Object.entries(cliErrorCodes)) {
    expect(readme).toMatch(new RegExp(`\\| \`${code}\` \\| ${exitCode} \\|`))
  }
  expect(new Set(Object.keys(cliErrorCodes)).size).toBe(Object.keys(cliErrorCodes).length)
})
