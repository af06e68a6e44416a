import { fileURLToPath } from 'node:url'
import { EdgeRuntime, runServer } from 'edge-runtime'
import { build } from 'esbuild'

/**
 * Bundles a module whose default export is an Edge Function `(request, context) => Response`
 * into the script edge-runtime runs: a `fetch` event listener that calls it with the event as
 * its context (the event has `waitUntil`), as Vercel's Edge runtime does.
 */
export async function bundleEdgeFunction(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'edgeModule',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@openspeed/source', 'edge-light', 'worker', 'browser'],
    alias: { '@openspeed/adapters-vercel': fileURLToPath(new URL('../src/index.ts', import.meta.url)) },
    footer: {
      js: 'addEventListener("fetch", (event) => event.respondWith(edgeModule.default(event.request, event)))',
    },
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

/** Serves a bundled Edge Function with Vercel's edge-runtime on a free loopback port. */
export async function startEdge(
  script: string,
): Promise<{ url: string; close(): Promise<void>; waitUntil(): Promise<unknown[]> }> {
  const runtime = new EdgeRuntime({ initialCode: script })
  const server = await runServer({ runtime, host: '127.0.0.1', port: 0 })
  return {
    url: server.url.replace(/\/$/, ''),
    close: () => server.close(),
    waitUntil: () => server.waitUntil(),
  }
}
