import { spawn, spawnSync } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { node24Binary } from '@openspeed/conformance'

export { node24Binary }

const require = createRequire(import.meta.url)
const packageRoot = join(dirname(new URL(import.meta.url).pathname), '..')

/** The Bun binary from the `bun` devDependency. */
export function bunBinary(): string {
  return join(dirname(require.resolve('bun/package.json')), 'bin', 'bun.exe')
}

/** The Deno binary from the `deno` devDependency (the real one, not the `.bin` wrapper). */
export function denoBinary(): string {
  return join(dirname(require.resolve('deno/package.json')), 'deno')
}

/** A fixture script running under another runtime, with the URL it printed. */
export interface RuntimeServer {
  url: string
  /** Everything the process wrote to stderr so far. */
  stderr(): string
  stop(): Promise<void>
}

/**
 * Starts `script` (TypeScript, resolving workspace packages from source) under `runtime` and waits
 * for it to print `listening <url>`.
 */
export function startFixture(
  runtime: 'node24' | 'bun' | 'deno',
  script: string,
  args: string[] = [],
): Promise<RuntimeServer> {
  const condition = '--conditions=@openspeed/source'
  const [binary, argv] =
    runtime === 'node24'
      ? [node24Binary(), [condition, script, ...args]]
      : runtime === 'bun'
        ? [bunBinary(), [condition, script, ...args]]
        : [denoBinary(), ['run', '-A', condition, script, ...args]]
  const child = spawn(binary, argv, {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout })
    lines.on('line', (line) => {
      if (!line.startsWith('listening ')) return
      resolve({
        url: line.slice('listening '.length).trim(),
        stderr: () => stderr,
        stop: () => {
          child.kill('SIGKILL')
          return exited
        },
      })
    })
    child.once('exit', (code) =>
      reject(new Error(`${runtime} exited with ${code} before listening:\n${stderr}`)),
    )
  })
}

/** A response read without any decoding: status, headers and the exact body bytes. */
export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/**
 * GETs (or HEADs) `url` with node:http, which unlike fetch() never decompresses the body nor
 * normalises the path (`/../`, `%2e%2e` reach the server as written).
 */
export function rawRequest(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  const origin = /^http:\/\/([^/:]+):(\d+)/.exec(url)!
  const path = url.slice(origin[0].length) || '/'
  return new Promise((resolve, reject) => {
    const options = { method, headers, hostname: origin[1], port: Number(origin[2]), path }
    const request = httpRequest(options, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      )
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end()
  })
}

/** Decodes zstd with Node 24's node:zlib (Node 20 has no zstd decoder). */
export function zstdDecode(data: Uint8Array): Buffer {
  const script =
    "process.stdout.write(require('node:zlib').zstdDecompressSync(require('node:fs').readFileSync(0)))"
  const child = spawnSync(node24Binary(), ['-e', script], { input: data, maxBuffer: 64 * 1024 * 1024 })
  if (child.status !== 0) throw new Error(`zstd decoding failed: ${child.stderr}`)
  return child.stdout
}
