import type { ResolvedConfig, Runtime } from './config.ts'

/** How one runtime is built and started. */
export interface Target {
  /** The adapter package the wrapper imports; the project must depend on it. */
  adapter: string
  /** esbuild platform and the export conditions packages are resolved with. */
  platform: 'node' | 'neutral'
  conditions: string[]
  /** Imports the runtime provides itself (`node:*` built-ins). */
  external: string[]
  /** Output file, relative to `outDir`. */
  outFile: string
  /** Source of the module that wraps the app's entry for this runtime. */
  wrapper(entry: string, config: ResolvedConfig): string
  /** Command that runs the build (`openspeed start`, which passes `PORT` and `HOST`), or why there is none. */
  start: ((outFile: string) => { command: string; args: string[] }) | string
}

/**
 * A server started with the adapter's `serve()`, on `PORT`/`HOST` (default: the config's), so the
 * runtime's connection info, graceful shutdown and `onClose` hooks are those of the adapter.
 */
const serveWith =
  (adapter: string, readEnv: (name: string) => string) =>
  (entry: string, config: ResolvedConfig): string =>
    `import { serve } from '${adapter}'\nimport app from ${JSON.stringify(entry)}\n` +
    `const server = await serve(app, { port: Number(${readEnv('PORT')} ?? ${config.port}), hostname: ${readEnv('HOST')} ?? ${JSON.stringify(config.hostname)} })\n` +
    "console.log('Listening on ' + server.url)\n"

const processEnv = (name: string): string => `process.env.${name}`

/** Build targets by runtime. A new runtime is one entry here. */
export const targets: Record<Runtime, Target> = {
  node: {
    adapter: '@openspeed/adapters-node',
    platform: 'node',
    conditions: ['node', 'import', 'module', 'default'],
    external: ['node:*'],
    outFile: 'server.js',
    wrapper: serveWith('@openspeed/adapters-node', processEnv),
    start: (outFile) => ({ command: process.execPath, args: [outFile] }),
  },
  bun: {
    adapter: '@openspeed/adapters-bun',
    platform: 'node',
    conditions: ['bun', 'import', 'module', 'default'],
    external: ['node:*'],
    outFile: 'server.js',
    wrapper: serveWith('@openspeed/adapters-bun', processEnv),
    start: (outFile) => ({ command: 'bun', args: ['run', outFile] }),
  },
  deno: {
    adapter: '@openspeed/adapters-deno',
    platform: 'neutral',
    conditions: ['deno', 'import', 'module', 'default'],
    external: ['node:*'],
    outFile: 'server.js',
    wrapper: serveWith('@openspeed/adapters-deno', (name) => `Deno.env.get('${name}')`),
    start: (outFile) => ({
      command: 'deno',
      args: ['run', '--allow-net', '--allow-env', '--allow-read', outFile],
    }),
  },
  cloudflare: {
    adapter: '@openspeed/adapters-cloudflare',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser', 'import', 'module', 'default'],
    external: [],
    outFile: 'worker.js',
    wrapper: (entry) =>
      `import { handle } from '@openspeed/adapters-cloudflare'\nimport app from ${JSON.stringify(entry)}\nexport default handle(app)\n`,
    start: 'Cloudflare builds run on Workers: deploy dist/worker.js with `wrangler deploy`',
  },
  vercel: {
    adapter: '@openspeed/adapters-vercel',
    platform: 'neutral',
    conditions: ['edge-light', 'worker', 'browser', 'import', 'module', 'default'],
    external: [],
    outFile: 'index.js',
    wrapper: (entry) =>
      `import { handle } from '@openspeed/adapters-vercel'\nimport app from ${JSON.stringify(entry)}\n` +
      "export const config = { runtime: 'edge' }\nexport default handle(app)\n",
    start: 'Vercel builds run on Vercel: deploy the project with `vercel deploy`',
  },
  lambda: {
    adapter: '@openspeed/adapters-lambda',
    platform: 'node',
    conditions: ['node', 'import', 'module', 'default'],
    external: ['node:*'],
    outFile: 'index.js',
    wrapper: (entry) =>
      `import { handle } from '@openspeed/adapters-lambda'\nimport app from ${JSON.stringify(entry)}\nexport const handler = handle(app)\n`,
    start: 'Lambda builds run on AWS Lambda: deploy dist/index.js (its `handler` export)',
  },
}
