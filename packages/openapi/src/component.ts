import type { StandardSchemaV1 } from '@openspeed/core'
import { nameComponent } from './_component-names.ts'

/**
 * Names a schema as a reusable OpenAPI component: wherever a route uses it, the document holds a
 * `$ref` to `#/components/schemas/<name>`. Returns the same schema, so types are unchanged. With
 * zod, `.meta({ id: 'Book' })` does the same, nested schemas included.
 *
 * @example
 * import { component } from '@openspeed/openapi'
 * const Book = component('Book', v.object({ title: v.string() }))
 * app.post('/books', validate('json', Book), describe({ responses: { 201: Book } }), create)
 */
export function component<S extends StandardSchemaV1>(name: string, schema: S): S {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new TypeError(`The component name "${name}" may only contain letters, digits, ".", "_" and "-"`)
  }
  nameComponent(schema, name)
  return schema
}
