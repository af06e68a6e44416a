import { builtinModules } from 'node:module'

const kCodeBlock = /^```(?:ts|typescript|js|javascript)[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/m
const kOutputMarker = /^\s*<!--\s*example-output:\s*([\s\S]*?)\s*-->/
const kRequestMarker = /^\s*<!--\s*example-request:\s*(\S+)\s*->\s*([\s\S]*?)\s*-->/
const kRuntimeMarker = /<!--\s*example-runtime:\s*(node|bun|deno)\s*-->/
const kImport = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g

/**
 * Finds the first ```ts / ```js block of a README and the check marked right after it, plus the
 * runtime that runs it (`<!-- example-runtime: bun -->` anywhere in the README; Node by default).
 * Returns `{ error }` when the block or the check is missing.
 *
 * @example
 * parseReadmeExample(readme)
 * // { code, runtime: 'node', check: { kind: 'output', expected: 'hello' } }
 * // { code, runtime: 'bun', check: { kind: 'request', url: 'http://localhost:3000/', expected: 'ok' } }
 */
export function parseReadmeExample(readme) {
  const block = kCodeBlock.exec(readme)
  if (!block) return { error: 'README.md has no ```ts or ```js code block' }
  const code = block[1]
  const runtime = kRuntimeMarker.exec(readme)?.[1] ?? 'node'
  const after = readme.slice(block.index + block[0].length)
  const output = kOutputMarker.exec(after)
  if (output) return { code, runtime, check: { kind: 'output', expected: output[1] } }
  const request = kRequestMarker.exec(after)
  if (request) return { code, runtime, check: { kind: 'request', url: request[1], expected: request[2] } }
  return {
    error:
      'the first code block in README.md must be followed by <!-- example-output: <stdout> --> ' +
      'or <!-- example-request: <url> -> <body> -->',
  }
}

/**
 * Bare package names an example imports, without Node builtins: `'zod/mini'` -> `'zod'`,
 * `'@scope/pkg/sub'` -> `'@scope/pkg'`.
 *
 * @example
 * importedPackages("import { z } from 'zod'\nimport http from 'node:http'") // ['zod']
 */
export function importedPackages(code) {
  const names = new Set()
  for (const [, specifier] of code.matchAll(kImport)) {
    if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) continue
    const parts = specifier.split('/')
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
    if (!builtinModules.includes(name)) names.add(name)
  }
  return [...names]
}

/**
 * The `catalog:` versions from pnpm-workspace.yaml (flat `name: version` lines only), so the
 * scratch project installs the same third-party versions the workspace tests with.
 *
 * @example
 * readCatalog(yamlText).get('zod') // '4.6.7'
 */
export function readCatalog(workspaceYaml) {
  const catalog = new Map()
  const section = /^catalog:\s*\n((?:[ \t]+.*\n?|\s*\n)*)/m.exec(workspaceYaml)
  for (const line of section?.[1].split('\n') ?? []) {
    const entry = /^\s+["']?([^"':\s]+)["']?:\s*["']?([^"'\s#]+)/.exec(line)
    if (entry) catalog.set(entry[1], entry[2])
  }
  return catalog
}
