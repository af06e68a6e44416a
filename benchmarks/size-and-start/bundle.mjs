import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

// esbuild turns a CommonJS dependency's require('node:events') into a call that throws in ESM
// output; this banner (same bytes for every Node bundle) gives it a real `require`.
const nodeBanner = "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);"

/**
 * Bundles one app with esbuild (minified ESM, Node 20 target) and returns its size, gzip size
 * (level 9) and bundle path. `platform` is 'neutral' for fetch apps and 'node' for servers.
 */
export async function bundle(entry, outfile, platform) {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'node20',
    mainFields: platform === 'neutral' ? ['module', 'main'] : undefined,
    banner: platform === 'node' ? { js: nodeBanner } : undefined,
    legalComments: 'none',
    logLevel: 'error',
    metafile: true,
  })
  const code = readFileSync(outfile)
  return { bytes: code.length, gzip: gzipSync(code, { level: 9 }).length, warnings: result.warnings.length }
}
