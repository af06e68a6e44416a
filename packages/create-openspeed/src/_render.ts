import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

type Manifest = Record<string, unknown> & {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

/**
 * Copies a template folder's files (not `meta.json`, `package.json` or its own `_runtime/`
 * overlays) into `target`, overlays overwriting.
 */
export function copyFiles(source: string, target: string): void {
  for (const entry of readdirSync(source)) {
    if (entry === 'meta.json' || entry === 'package.json' || entry === '_runtime') continue
    cpSync(join(source, entry), join(target, entry === '_gitignore' ? '.gitignore' : entry), {
      recursive: true,
    })
  }
}

/** Replaces `{{key}}` in every text file under `dir`. */
export function fillPlaceholders(dir: string, values: Record<string, string>): void {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) {
      fillPlaceholders(path, values)
      continue
    }
    const text = readFileSync(path, 'utf8')
    const filled = text.replace(/\{\{(\w+)\}\}/g, (match, key: string) => values[key] ?? match)
    if (filled !== text) writeFileSync(path, filled)
  }
}

/**
 * The project's package.json: the template's, with the runtime overlay's dependencies and
 * scripts merged in, and every `@openspeed/*` range set to the released version (`^x.y.z`). A
 * `null` in a later source removes the field (`"engines": { "node": null }` on Bun).
 */
export function mergeManifests(name: string, sources: string[], versions: Record<string, string>): Manifest {
  const manifest: Manifest = { name }
  for (const source of sources) {
    const file = join(source, 'package.json')
    if (!existsSync(file)) continue
    const part = JSON.parse(readFileSync(file, 'utf8')) as Manifest
    for (const [key, value] of Object.entries(part)) {
      if (key === 'name') continue
      const current = manifest[key]
      manifest[key] = isRecord(current) && isRecord(value) ? withoutNulls({ ...current, ...value }) : value
      if (value === null) delete manifest[key]
    }
  }
  for (const field of ['dependencies', 'devDependencies'] as const) {
    const dependencies = manifest[field]
    if (dependencies === undefined) continue
    for (const dependency of Object.keys(dependencies)) {
      if (dependency.startsWith('@openspeed/')) dependencies[dependency] = `^${versions[dependency]}`
    }
    manifest[field] = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)))
  }
  return manifest
}

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
