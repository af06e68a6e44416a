import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { freePort, spawnServer } from './spawn-server.ts'

/**
 * Options for {@link runReadmeExample}.
 *
 * @example
 * const options: ReadmeExampleOptions = { packageDir, command: process.execPath, args: nodeSourceArgs() }
 */
export interface ReadmeExampleOptions {
  /**
   * The package folder. Its `README.md` is read, and the example runs from a file inside the
   * folder, so that its imports resolve through the package's `node_modules` like a user's project.
   */
  packageDir: string
  /** The runtime binary, e.g. `process.execPath` or the real Bun or Deno binary. */
  command: string
  /** Arguments before the example file, e.g. `nodeSourceArgs()` or `['run', '--allow-net']`. */
  args?: readonly string[]
}

/**
 * What the README example's server answered, and what the README promises.
 *
 * @example
 * const { status, body, expected } = await runReadmeExample(options)
 */
export interface ReadmeExampleResult {
  status: number
  body: string
  /** The body named by the README's `<!-- example-request: <url> -> <body> -->` marker. */
  expected: string
}

const kExample = /```ts\n([\s\S]*?)```\n<!-- example-request: (\S+) -> (.+?) -->/

/**
 * Runs the first ` ```ts ` block of a package's README the way the package check does, but on
 * workspace sources and on a free port instead of 3000: starts it with `command`, waits for it to
 * print a line with "listening", requests the URL of the `<!-- example-request: <url> -> <body> -->`
 * marker right after the block, stops it, and returns the answer with the promised body.
 *
 * @example
 * const { status, body, expected } = await runReadmeExample({
 *   packageDir: fileURLToPath(new URL('..', import.meta.url)),
 *   command: process.execPath,
 *   args: nodeSourceArgs(),
 * })
 * expect(status).toBe(200)
 * expect(body).toBe(expected)
 */
export async function runReadmeExample(options: ReadmeExampleOptions): Promise<ReadmeExampleResult> {
  const { packageDir } = options
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8')
  const [, source, url, expected] = kExample.exec(readme) ?? []
  if (source === undefined || url === undefined || expected === undefined) {
    throw new Error(
      `${join(packageDir, 'README.md')} has no \`\`\`ts block followed by <!-- example-request: <url> -> <body> -->`,
    )
  }
  const port = String(await freePort())
  return withExampleFile(packageDir, source.replaceAll('3000', port), async (file, dir) => {
    const server = await spawnServer({
      command: options.command,
      args: [...(options.args ?? []), file],
      // a scratch working folder, so an example that writes files leaves nothing behind
      cwd: dir,
      ready: /(listening)/i,
    })
    try {
      const response = await fetch(url.replace('3000', port))
      return { status: response.status, body: await response.text(), expected }
    } finally {
      await server.stop()
    }
  })
}

/**
 * The first ` ```ts ` block of a package's README and the `<!-- example-output: ... -->` right
 * after it, for examples that only define a module (a worker, an Edge Function): `run` gets the
 * example written to a file inside the package (so its imports resolve like a user's project) and
 * may bundle or run it; the file is removed afterwards.
 *
 * @example
 * const { output, result } = await withReadmeExample(packageDir, (file) => bundleWorker(file))
 */
export async function withReadmeExample<T>(
  packageDir: string,
  run: (file: string, readme: string) => T | Promise<T>,
): Promise<{ output: string; result: T }> {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8')
  const [, source, output] = /```ts\n([\s\S]*?)```\n<!-- example-output:(.*?)-->/.exec(readme) ?? []
  if (source === undefined || output === undefined) {
    throw new Error(
      `${join(packageDir, 'README.md')} has no \`\`\`ts block followed by <!-- example-output: ... -->`,
    )
  }
  const result = await withExampleFile(packageDir, source, (file) => run(file, readme))
  return { output: output.trim(), result }
}

async function withExampleFile<T>(
  packageDir: string,
  source: string,
  run: (file: string, dir: string) => T | Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(packageDir, 'test', '.readme-'))
  try {
    const file = join(dir, 'example.ts')
    writeFileSync(file, source)
    return await run(file, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
