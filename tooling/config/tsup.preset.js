import { defineConfig } from 'tsup'

/**
 * The one tsup configuration every OpenSpeed package builds with: ESM only, Node 20 syntax,
 * declarations, no bundled dependencies, no minification (readable stack traces for users).
 *
 * @example
 * // packages/<name>/tsup.config.ts
 * import { definePackageBuild } from '@openspeed/config/tsup'
 * export default definePackageBuild(['src/index.ts'])
 */
export function definePackageBuild(entry = ['src/index.ts'], overrides = {}) {
  return defineConfig({
    entry,
    format: ['esm'],
    target: 'node20',
    platform: 'neutral',
    dts: true,
    clean: true,
    sourcemap: true,
    treeshake: true,
    splitting: false,
    outDir: 'dist',
    // keep `node:` specifiers as written: Deno resolves built-ins only with the prefix
    removeNodeProtocol: false,
    external: [/^node:/],
    ...overrides,
  })
}
