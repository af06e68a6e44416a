import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pluginFiles, pluginNames } from './_plugin-files.ts'
import { CliError } from './cli-error.ts'

const packageNamePattern = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/

/** Options for {@link createPluginPackage}. */
export interface PluginOptions {
  /** Package name, e.g. `openspeed-request-id` or `@acme/openspeed-audit`. */
  name: string
  /** Target folder. Default: the name without its scope, inside `process.cwd()`. */
  dir?: string
}

/**
 * Writes a new plugin package (`definePlugin` from `@openspeed/core`, a vitest test, a README
 * with install + example, options and errors) into an empty or new folder, and returns the
 * folder and the files it wrote.
 *
 * @example
 * import { createPluginPackage } from '@openspeed/cli'
 * const { dir, files } = createPluginPackage({ name: 'openspeed-request-id' })
 * console.log(dir, files) // /work/openspeed-request-id [ 'package.json', 'README.md', ... ]
 */
export function createPluginPackage(options: PluginOptions): { dir: string; files: string[] } {
  const { name } = options
  if (!packageNamePattern.test(name) || name.length > 214) {
    throw new CliError(
      'OS_ERR_CLI_PLUGIN_INVALID_NAME',
      `"${name}" is not a valid package name (lower case letters, digits, - . _ ~, optional @scope/)`,
    )
  }
  const dir = resolve(options.dir ?? name.replace(/^@[^/]+\//, ''))
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new CliError('OS_ERR_CLI_PLUGIN_EXISTS', `${dir} is not empty: pick another name or --dir`)
  }
  const files = pluginFiles(pluginNames(name), {
    core: '>=0.0.0 <1',
    vitest: '^4.1.12',
    typescript: '^5.9.3',
  })
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), contents)
  }
  return { dir, files: Object.keys(files) }
}
