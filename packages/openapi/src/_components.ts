import type { StandardSchemaV1 } from '@openspeed/core'
import { componentName } from './_component-names.ts'
import { convertSchema } from './_convert.ts'
import { OpenApiError } from './errors.ts'
import type { SchemaConverter, SchemaIo } from './schema-converter.ts'
import type { JsonSchemaObject } from './types.ts'

const kDefs = /^#\/(?:\$defs|definitions)\/(.+)$/

function rewriteRefs(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, names))
  if (typeof value !== 'object' || value === null) return value
  const result: JsonSchemaObject = {}
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string') {
      const local = kDefs.exec(item)?.[1]
      const name = local === undefined ? undefined : names.get(decodeURIComponent(local))
      result[key] = name === undefined ? item : `#/components/schemas/${name}`
    } else result[key] = rewriteRefs(item, names)
  }
  return result
}

interface Split {
  root: JsonSchemaObject
  defs: Record<string, JsonSchemaObject>
}

/**
 * Converts schemas for one document and collects reusable parts in `components.schemas`: `$defs`
 * (zod `.meta({ id })`, valibot definitions, JSON Schema `$defs`) and `component()` names become
 * `$ref`s. A name whose request and response shapes differ names the response; the request's
 * shape gets an `Input` suffix.
 */
export class SchemaRegistry {
  readonly schemas: Record<string, JsonSchemaObject>
  readonly #custom: SchemaConverter | undefined
  readonly #cache = new Map<StandardSchemaV1, Partial<Record<SchemaIo, JsonSchemaObject>>>()

  constructor(initial: Record<string, JsonSchemaObject> | undefined, custom: SchemaConverter | undefined) {
    this.schemas = { ...initial }
    this.#custom = custom
  }

  /** The JSON Schema of `schema` for a document: a `$ref` when it is a named component. */
  toJsonSchema(schema: StandardSchemaV1, io: SchemaIo): JsonSchemaObject {
    const cached = this.#cache.get(schema)?.[io]
    if (cached !== undefined) return cached
    const converted = this.#convert(schema, io)
    this.#cache.set(schema, { ...this.#cache.get(schema), [io]: converted })
    return converted
  }

  /** Follows a `#/components/schemas/` reference, for reading an object's properties. */
  resolve(schema: JsonSchemaObject): JsonSchemaObject {
    const ref = schema.$ref
    if (typeof ref !== 'string' || !ref.startsWith('#/components/schemas/')) return schema
    return this.resolve(this.schemas[ref.slice('#/components/schemas/'.length)] ?? {})
  }

  #split(
    schema: StandardSchemaV1,
    io: SchemaIo,
  ): { root: JsonSchemaObject; defs: Record<string, JsonSchemaObject> } {
    const { $schema: _dialect, $defs, definitions, ...root } = convertSchema(schema, io, this.#custom)
    return {
      root,
      defs: { ...(definitions as object), ...($defs as object) } as Record<string, JsonSchemaObject>,
    }
  }

  #trySplit(schema: StandardSchemaV1, io: SchemaIo): Split | undefined {
    try {
      return this.#split(schema, io)
    } catch {
      return undefined
    }
  }

  #convert(schema: StandardSchemaV1, io: SchemaIo): JsonSchemaObject {
    const own = this.#split(schema, io)
    const other = this.#trySplit(schema, io === 'input' ? 'output' : 'input') ?? own
    const identity = new Map(Object.keys({ ...own.defs, ...other.defs }).map((name) => [name, name]))
    const same = (a: unknown, b: unknown) =>
      JSON.stringify(rewriteRefs(a, identity)) === JSON.stringify(rewriteRefs(b, identity))
    // a name whose request and response shapes differ: the response keeps it, the request gets `Input`
    const nameFor = (name: string, differs: boolean) => (io === 'input' && differs ? `${name}Input` : name)
    const names = new Map<string, string>()
    for (const name of Object.keys(own.defs))
      names.set(name, nameFor(name, !same(own.defs[name], other.defs[name])))
    for (const [name, def] of Object.entries(own.defs)) this.#store(names.get(name)!, rewriteRefs(def, names))
    const result = rewriteRefs(own.root, names) as JsonSchemaObject
    const name = componentName(schema)
    if (name === undefined) return result
    const picked = nameFor(name, !same(own.root, other.root) || [...names].some(([from, to]) => from !== to))
    this.#store(picked, result)
    return { $ref: `#/components/schemas/${picked}` }
  }

  #store(name: string, content: unknown): void {
    const existing = this.schemas[name]
    if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(content)) {
      throw new OpenApiError(
        'OS_ERR_OPENAPI_COMPONENT_CONFLICT',
        `Two different schemas are both named "${name}"; give one of them another id`,
      )
    }
    this.schemas[name] = content as JsonSchemaObject
  }
}
