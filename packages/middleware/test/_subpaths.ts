import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** One public subpath of the package, as the exports map declares it. */
export interface Subpath {
  /** `cors`, `rate-limit`, ... */
  name: string
  /** Absolute path of the source entry. */
  source: string
  /** Absolute path of the built entry. */
  dist: string
  /** Absolute path of the built declarations. */
  types: string
}

const packageDir = fileURLToPath(new URL('..', import.meta.url))

/** Every subpath of package.json `exports` except `./package.json`. */
export function subpaths(): Subpath[] {
  const manifest = JSON.parse(readFileSync(`${packageDir}package.json`, 'utf8')) as {
    exports: Record<string, string | Record<string, string>>
  }
  return Object.entries(manifest.exports)
    .filter((entry): entry is [string, Record<string, string>] => typeof entry[1] === 'object')
    .map(([key, conditions]) => ({
      name: key.slice(2),
      source: `${packageDir}${conditions['@openspeed/source']!.slice(2)}`,
      dist: `${packageDir}${conditions.default!.slice(2)}`,
      types: `${packageDir}${conditions.types!.slice(2)}`,
    }))
}

/** The subpaths whose source entry exists (all of them once the package is complete). */
export function presentSubpaths(): Subpath[] {
  return subpaths().filter((subpath) => existsSync(subpath.source))
}

/** The package's README. */
export function readme(): string {
  return readFileSync(`${packageDir}README.md`, 'utf8')
}
