import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { Miniflare, type MiniflareOptions } from 'miniflare'

/** Bundles a worker entry the way wrangler does: ESM, no Node built-ins, workspace sources. */
export async function bundleWorker(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['@openspeed/source', 'workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    // README examples import the package by name, as users do
    alias: { '@openspeed/adapters-cloudflare': fileURLToPath(new URL('../src/index.ts', import.meta.url)) },
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

/** Starts workerd (through Miniflare) on a free loopback port with one bundled module worker. */
export async function startWorker(
  script: string,
  options: Omit<MiniflareOptions, 'script' | 'modules'> = {},
): Promise<{ miniflare: Miniflare; url: string }> {
  const miniflare = new Miniflare({
    modules: true,
    script,
    compatibilityDate: '2025-09-01',
    compatibilityFlags: ['enable_request_signal'],
    host: '127.0.0.1',
    port: 0,
    ...options,
  } as MiniflareOptions)
  const url = (await miniflare.ready).href.replace(/\/$/, '')
  return { miniflare, url }
}
