import type { ResolvedConfig, Runtime } from './config.ts'

/** How one runtime is built and started. */
export interface Target {
  /** esbuild platform and the export conditions packages are resolved with. */
  platform: 'node' | 'neutral'
  conditions: string[]
  /** Imports the runtime provides itself (`node:*` built-ins). */
  external: string[]
  /** Output file, relative to `outDir`. */
  outFile: string
  /** Source of the module that wraps the app's entry for this runtime. */
  wrapper(entry: string, config: ResolvedConfig): string
  /** Command that runs the build (`openspeed start`), or why there is none. */
  start:
    | ((outFile: string, port: number, hostname: string | undefined) => { command: string; args: string[] })
    | string
}

const fetchExport = (entry: string): string =>
  `import app from ${JSON.stringify(entry)}\nexport default { fetch: (request, env, context) => app.fetch(request, env, context) }\n`

/** Build targets by runtime. A new runtime is one entry here. */
export const targets: Record<Runtime, Target> = {
  node: {
    platform: 'node',
    conditions: ['node', 'import', 'module', 'default'],
    external: ['node:*'],
    outFile: 'server.js',
    wrapper: (entry, config) =>
      `import { serve } from '@openspeed/adapters-node'\nimport app from ${JSON.stringify(entry)}\n` +
      `const server = await serve(app, { port: Number(process.env.PORT ?? ${config.port}), hostname: process.env.HOST ?? ${JSON.stringify(config.hostname)} })\n` +
      "console.log('Listening on ' + server.url)\n",
    start: (outFile) => ({ command: process.execPath, args: [outFile] }),
  },
  bun: {
    platform: 'node',
    conditions: ['bun', 'import', 'module', 'default'],
    external: ['node:*'],
    outFile: 'server.js',
    wrapper: (entry, config) =>
      `import app from ${JSON.stringify(entry)}\n` +
      `export default { port: Number(process.env.PORT ?? ${config.port}), fetch: (request) => app.fetch(request) }\n`,
    start: (outFile) => ({ command: 'bun', args: ['run', outFile] }),
  },
  deno: {
    platform: 'neutral',
    conditions: ['deno', 'import', 'module', 'default'],
    external: ['node:*'],
    outFile: 'server.js',
    wrapper: fetchExport,
    start: (outFile, port, hostname) => ({
      command: 'deno',
      args: [
        'serve',
        '--allow-net',
        '--allow-env',
        '--allow-read',
        `--port=${port}`,
        ...(hostname ? [`--host=${hostname}`] : []),
        outFile,
      ],
    }),
  },
  cloudflare: {
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser', 'import', 'module', 'default'],
    external: [],
    outFile: 'worker.js',
    wrapper: fetchExport,
    start: 'Cloudflare builds run on Workers: deploy dist/worker.js with `wrangler deploy`',
  },
  vercel: {
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
    platform: 'node',
    conditions: ['node', 'import', 'module', 'default'],
    external: ['node:*'],
    outFile: 'index.js',
    wrapper: (entry) =>
      `import { handle } from '@openspeed/adapters-lambda'\nimport app from ${JSON.stringify(entry)}\nexport const handler = handle(app)\n`,
    start: 'Lambda builds run on AWS Lambda: deploy dist/index.js (its `handler` export)',
  },
}
