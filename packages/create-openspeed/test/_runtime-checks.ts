import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { spawnServer } from '@openspeed/conformance'
import { expect } from 'vitest'

/** A started build: requests go to it over HTTP, or into its exported handler in this process. */
export interface RunningBuild {
  /** The server's URL, when the runtime serves HTTP itself. */
  url?: string
  request(path: string): Promise<Response>
  stop(): Promise<void>
}

// bun and deno from npm (devDependencies), found by `openspeed start` on the PATH
const binaries = fileURLToPath(new URL('../node_modules/.bin', import.meta.url))

async function startServer(dir: string, port: number): Promise<RunningBuild> {
  const server = await spawnServer({
    command: join(dir, 'node_modules/.bin/openspeed'),
    args: ['start', '--port', String(port), '--host', '127.0.0.1'],
    cwd: dir,
    env: { PATH: `${binaries}:${process.env.PATH}` },
    startTimeout: 60_000,
  })
  return { url: server.url, request: (path) => fetch(`${server.url}${path}`), stop: server.stop }
}

async function importBundle(dir: string, file: string): Promise<Record<string, any>> {
  const bundle = join(dir, 'dist', file)
  expect(readFileSync(bundle, 'utf8')).not.toMatch(/\bfrom\s*['"]node:/)
  return import(pathToFileURL(bundle).href)
}

/** How each non-Node runtime's build is run; a new runtime adds one entry. */
export const runtimeChecks: Record<string, (dir: string) => Promise<RunningBuild>> = {
  // both are served by their adapter's serve(), which prints the URL it got for port 0
  bun: (dir) => startServer(dir, 0),
  deno: (dir) => startServer(dir, 0),
  async cloudflare(dir) {
    const worker = await importBundle(dir, 'worker.js')
    return {
      request: (path) => worker.default.fetch(new Request(`http://localhost${path}`)),
      stop: async () => {},
    }
  },
  async vercel(dir) {
    const edge = await importBundle(dir, 'index.js')
    expect(edge.config).toEqual({ runtime: 'edge' })
    return {
      request: (path) => edge.default(new Request(`http://localhost${path}`)),
      stop: async () => {},
    }
  },
  async lambda(dir) {
    const { handler } = await import(pathToFileURL(join(dir, 'dist/index.js')).href)
    return {
      async request(path) {
        // an HTTP API (payload 2.0) or Function URL event, as Lambda hands it to the handler
        const event = {
          version: '2.0',
          rawPath: path,
          rawQueryString: '',
          headers: { host: 'example.lambda-url.localhost' },
          requestContext: { http: { method: 'GET' } },
        }
        const result = await handler(event, {})
        const body = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body
        return new Response(body, { status: result.statusCode, headers: result.headers })
      },
      stop: async () => {},
    }
  },
}
