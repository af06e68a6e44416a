import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Folder holding `<template>/` folders and `_runtime/<runtime>/` overlays. */
export const templatesDir: string = fileURLToPath(new URL('../templates/', import.meta.url))

/** A template or runtime overlay, described by the `meta.json` in its folder. */
export interface Choice {
  name: string
  description: string
  /** `@openspeed/*` packages it needs; it is offered only when they are all released. */
  requires: string[]
  /** Runtimes only: what templates can adapt to (`bundle-only`: no files beside the bundle). */
  traits: string[]
  dir: string
}

function readChoices(dir: string, versions: Record<string, string>): Choice[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && !entry.name.startsWith('_') && existsSync(join(dir, entry.name, 'meta.json')),
    )
    .map((entry) => {
      const meta = JSON.parse(readFileSync(join(dir, entry.name, 'meta.json'), 'utf8')) as Partial<Choice> & {
        order?: number
      }
      return {
        name: entry.name,
        description: meta.description ?? '',
        requires: meta.requires ?? [],
        traits: meta.traits ?? [],
        dir: join(dir, entry.name),
        order: meta.order ?? 99,
      }
    })
    .filter((choice) => choice.requires.every((name) => name in versions))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
    .map(({ order: _order, ...choice }) => choice)
}

/** Templates whose packages are released: every folder of `templates/` with a `meta.json`. */
export function listTemplates(versions: Record<string, string>): Choice[] {
  return readChoices(templatesDir, versions)
}

/** Runtimes whose adapters are released: every folder of `templates/_runtime/` with a `meta.json`. */
export function listRuntimes(versions: Record<string, string>): Choice[] {
  return readChoices(join(templatesDir, '_runtime'), versions)
}
