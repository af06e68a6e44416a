import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { packageManagerFor, runScript } from './_package-manager.ts'
import { copyFiles, fillPlaceholders, mergeManifests } from './_render.ts'
import { listRuntimes, listTemplates, templatesDir } from './_templates.ts'
import { openspeedVersions } from './_versions.ts'
import { CreateError } from './create-error.ts'
import type { PackageManager } from './package-manager.ts'

/** Options for {@link createProject}. */
export interface CreateOptions {
  /** Target folder (created; must be missing or empty). */
  dir: string
  /** Package name. Default: the folder's name. */
  name?: string
  /** Template folder name. Default `rest-api`. */
  template?: string
  /** Runtime overlay name. Default `node`. */
  runtime?: string
  /** Package manager shown in the README's commands. Default `bun` for the Bun runtime, else `npm`. */
  packageManager?: PackageManager
}

/** What {@link createProject} wrote. */
export interface CreatedProject {
  dir: string
  name: string
  template: string
  runtime: string
  /** Relative paths of every file written, sorted. */
  files: string[]
}

const packageNamePattern = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/

/**
 * Writes a new project from a template and a runtime overlay: files are rendered into a temporary
 * folder beside the target and moved in only when complete, so bad input or a failure leaves
 * nothing half-written. `@openspeed/*` dependencies get this release's version ranges.
 *
 * @example
 * import { createProject } from 'create-openspeed'
 * const project = createProject({ dir: 'my-api', template: 'rest-api', runtime: 'node' })
 * console.log(project.files) // ['.gitignore', 'README.md', 'openspeed.config.ts', 'package.json', ...]
 */
export function createProject(options: CreateOptions): CreatedProject {
  const versions = openspeedVersions()
  const dir = resolve(options.dir)
  const name = options.name ?? basename(dir)
  if (!packageNamePattern.test(name) || name.length > 214) {
    throw new CreateError(
      'OS_ERR_CREATE_INVALID_NAME',
      `"${name}" is not a valid package name: use lower case letters, digits and - . _ ~ (pass --name to pick one)`,
    )
  }
  const template = pick(
    listTemplates(versions),
    options.template ?? 'rest-api',
    'OS_ERR_CREATE_UNKNOWN_TEMPLATE',
    'template',
  )
  const runtime = pick(
    listRuntimes(versions),
    options.runtime ?? 'node',
    'OS_ERR_CREATE_UNKNOWN_RUNTIME',
    'runtime',
  )
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new CreateError('OS_ERR_CREATE_DIR_NOT_EMPTY', `${dir} is not empty: pick a new folder name`)
  }
  const manager = options.packageManager ?? packageManagerFor(runtime.name, 'npm')
  mkdirSync(dirname(dir), { recursive: true })
  const staging = mkdtempSync(join(dirname(dir), `.${basename(dir)}-creating-`))
  try {
    chmodSync(staging, 0o755)
    // last: what one template needs for a runtime's traits, then for the runtime itself
    // (templates/<template>/_runtime/<trait or runtime>/)
    const overlays = [...runtime.traits, runtime.name].map((name) => join(template.dir, '_runtime', name))
    const sources = [join(templatesDir, '_base'), template.dir, runtime.dir, ...overlays]
    for (const source of sources) if (existsSync(source)) copyFiles(source, staging)
    const manifest = mergeManifests(name, sources, versions)
    writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    fillPlaceholders(staging, {
      name,
      runtime: runtime.name,
      runtimeDescription: runtime.description,
      template: template.name,
      install: manager === 'yarn' ? 'yarn' : `${manager} install`,
      dev: runScript(manager, 'dev'),
      test: runScript(manager, 'test'),
      build: runScript(manager, 'build'),
      start: runScript(manager, 'start'),
      routes: runScript(manager, 'routes'),
    })
    if (existsSync(dir)) {
      // an existing empty folder may be the shell's working directory: fill it, keep it
      for (const entry of readdirSync(staging)) renameSync(join(staging, entry), join(dir, entry))
      rmSync(staging, { recursive: true })
    } else renameSync(staging, dir)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
  return { dir, name, template: template.name, runtime: runtime.name, files: listFiles(dir, dir) }
}

function pick<T extends { name: string }>(
  choices: T[],
  name: string,
  code: 'OS_ERR_CREATE_UNKNOWN_TEMPLATE' | 'OS_ERR_CREATE_UNKNOWN_RUNTIME',
  what: string,
): T {
  const found = choices.find((choice) => choice.name === name)
  if (found === undefined) {
    throw new CreateError(
      code,
      `Unknown ${what} "${name}": choose one of ${choices.map((choice) => choice.name).join(', ')}`,
    )
  }
  return found
}

function listFiles(root: string, dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name))],
    )
    .sort()
}
