// Checks what users will actually install: for every publishable package under packages/, packs the
// tarball with pnpm (which rewrites workspace: and catalog: ranges), runs publint + attw, installs
// the tarball into a scratch project outside the workspace, and runs the first README example.
// Writes .ci/extra-results.json ({ passed, failed }) for summarize-tests.mjs. Needs `pnpm build` first.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { killTree, run, start, tryFetch } from './_exec.mjs'
import { importedPackages, parseReadmeExample, readCatalog } from './_readme-example.mjs'
import { publishablePackages } from './_workspace.mjs'

const root = resolve(fileURLToPath(import.meta.url), '../../..')
const tsx = join(root, 'node_modules/.bin/tsx')
const requestTimeoutMs = 20_000

/**
 * The command that runs a README example on its runtime: tsx on Node, or the real Bun / Deno
 * binary from the npm package the adapter tests with (their `.bin` entries are wrappers).
 */
function exampleCommand(runtime, pkg) {
  if (runtime === 'node') return [tsx, ['example.ts']]
  const packageDir = dirname(createRequire(join(pkg.dir, 'package.json')).resolve(`${runtime}/package.json`))
  if (runtime === 'bun') return [join(packageDir, 'bin', 'bun.exe'), ['run', 'example.ts']]
  return [join(packageDir, 'deno'), ['run', '--allow-net', '--allow-env', '--allow-read', 'example.ts']]
}

class CheckError extends Error {}

/** Runs a command and throws a CheckError with the tail of its output if it fails. */
async function mustRun(what, command, args, options) {
  const result = await run(command, args, options)
  if (result.code !== 0) {
    const tail = (result.stdout + result.stderr).trim().split('\n').slice(-15).join('\n')
    throw new CheckError(`${what} failed (exit ${result.code})\n${tail}`)
  }
  return result
}

/** The package's @openspeed/* dependencies and peers, recursively, so npm never asks the registry. */
function workspaceDependencies(pkg, byName, seen = new Set()) {
  const { dependencies = {}, peerDependencies = {} } = pkg.manifest
  for (const name of Object.keys({ ...dependencies, ...peerDependencies })) {
    const dependency = byName.get(name)
    if (!dependency || seen.has(name)) continue
    seen.add(name)
    workspaceDependencies(dependency, byName, seen)
  }
  return seen
}

async function pack(pkg, destination) {
  if (!existsSync(join(pkg.dir, 'dist'))) throw new CheckError('no dist/: run `pnpm build` first')
  const args = ['pack', '--pack-destination', destination, '--json']
  const { stdout } = await mustRun('pnpm pack', 'pnpm', args, { cwd: pkg.dir })
  return JSON.parse(stdout.slice(stdout.indexOf('{'))).filename
}

async function lintPackage(pkg) {
  if (pkg.manifest.scripts?.['check:package']) {
    await mustRun('check:package (publint + attw)', 'pnpm', ['run', 'check:package'], { cwd: pkg.dir })
    return
  }
  await mustRun('publint', 'pnpm', ['exec', 'publint'], { cwd: pkg.dir })
  await mustRun('attw', 'pnpm', ['exec', 'attw', '--pack', '.', '--profile', 'esm-only'], { cwd: pkg.dir })
}

async function checkExample(pkg, { tarballs, byName, catalog, scratchRoot }) {
  const readmePath = join(pkg.dir, 'README.md')
  if (!existsSync(readmePath)) throw new CheckError('no README.md')
  const example = parseReadmeExample(await readFile(readmePath, 'utf8'))
  if (example.error) throw new CheckError(example.error)

  const scratch = join(scratchRoot, pkg.name.replace('@', '').replace('/', '-'))
  await mkdir(scratch, { recursive: true })
  await writeFile(join(scratch, 'package.json'), '{ "name": "scratch", "private": true, "type": "module" }\n')
  await writeFile(join(scratch, 'example.ts'), example.code)

  // the package, what it depends on, and any other workspace package the example imports
  const local = new Set([pkg.name, ...workspaceDependencies(pkg, byName)])
  for (const name of importedPackages(example.code).filter((name) => byName.has(name))) {
    local.add(name)
    for (const dependency of workspaceDependencies(byName.get(name), byName)) local.add(dependency)
  }
  const thirdParty = importedPackages(example.code)
    .filter((name) => !byName.has(name))
    .map((name) => (catalog.has(name) ? `${name}@${catalog.get(name)}` : name))
  const installArgs = ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error']
  const specs = [...[...local].map((name) => tarballs.get(name)), ...thirdParty]
  await mustRun('npm install in scratch project', 'npm', [...installArgs, ...specs], { cwd: scratch })

  const [command, args] = exampleCommand(example.runtime, pkg)
  if (example.check.kind === 'output') {
    const result = await mustRun('README example', command, args, { cwd: scratch, timeoutMs: 60_000 })
    const actual = result.stdout.trim()
    if (actual !== example.check.expected) {
      throw new CheckError(`README example printed:\n${actual}\nexpected:\n${example.check.expected}`)
    }
    return
  }
  await checkRequest(example.check, scratch, command, args)
}

async function checkRequest({ url, expected }, scratch, command, args) {
  if ((await tryFetch(url)) !== undefined) {
    throw new CheckError(`${url} already answers before the example starts (port in use?)`)
  }
  const server = start(command, args, { cwd: scratch })
  try {
    const deadline = Date.now() + requestTimeoutMs
    let body
    while (body === undefined && !server.exited && Date.now() < deadline) {
      await sleep(250)
      body = await tryFetch(url)
    }
    if (body === undefined) {
      const why = server.exited ? 'the example exited' : `nothing answered in ${requestTimeoutMs / 1000} s`
      throw new CheckError(`GET ${url}: ${why}\n${server.output.trim().split('\n').slice(-15).join('\n')}`)
    }
    if (body.trim() !== expected) {
      throw new CheckError(`GET ${url} returned:\n${body.trim()}\nexpected:\n${expected}`)
    }
  } finally {
    await killTree(server.child)
  }
}

async function main() {
  if (!existsSync(tsx)) {
    console.error(`missing ${tsx}: run \`pnpm install\` at the repository root`)
    process.exit(1)
  }
  const packages = await publishablePackages()
  // package names given as arguments limit the checks to those (everything is still packed)
  const only = new Set(process.argv.slice(2))
  const checked = only.size === 0 ? packages : packages.filter((pkg) => only.has(pkg.name))
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]))
  const catalog = readCatalog(await readFile(join(root, 'pnpm-workspace.yaml'), 'utf8'))
  const work = await mkdtemp(join(tmpdir(), 'openspeed-packs-'))
  const tarballDir = join(work, 'tarballs')
  await mkdir(tarballDir)

  const failures = new Map()
  const tarballs = new Map()
  for (const pkg of packages) {
    try {
      tarballs.set(pkg.name, await pack(pkg, tarballDir))
    } catch (error) {
      failures.set(pkg.name, error)
    }
  }
  for (const pkg of checked) {
    if (failures.has(pkg.name)) continue
    try {
      const missing = [...workspaceDependencies(pkg, byName)].filter((name) => !tarballs.has(name))
      if (missing.length > 0) throw new CheckError(`dependencies could not be packed: ${missing.join(', ')}`)
      await lintPackage(pkg)
      await checkExample(pkg, { tarballs, byName, catalog, scratchRoot: work })
    } catch (error) {
      failures.set(pkg.name, error)
    }
  }

  for (const pkg of checked) {
    const error = failures.get(pkg.name)
    const reason = error instanceof CheckError ? error.message : error?.stack
    console.log(error ? `FAIL ${pkg.name}: ${reason}` : `ok ${pkg.name}`)
  }
  const failed = checked.filter((pkg) => failures.has(pkg.name)).length
  const counts = { passed: checked.length - failed, failed }
  await mkdir(join(root, '.ci'), { recursive: true })
  await writeFile(join(root, '.ci/extra-results.json'), `${JSON.stringify(counts)}\n`)
  if (!process.env.OPENSPEED_KEEP_PACKS) await rm(work, { recursive: true, force: true })
  else console.log(`scratch projects kept in ${work}`)
  process.exitCode = failed > 0 ? 1 : 0
}

await main()
