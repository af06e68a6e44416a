import type { StandardSchemaV1 } from '@openspeed/core'

const names = new WeakMap<object, string>()

/** Records the name `component()` gave a schema. */
export function nameComponent(schema: StandardSchemaV1, name: string): void {
  names.set(schema, name)
}

/** The name given with `component()`, if any. */
export function componentName(schema: StandardSchemaV1): string | undefined {
  return names.get(schema)
}
