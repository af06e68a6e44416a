/**
 * A JSON Schema (OpenAPI 3.1 dialect, with 3.0's `nullable` accepted too), as far as types go.
 *
 * @example
 * const book: JsonSchema = { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] }
 */
export interface JsonSchema {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  nullable?: boolean
  format?: string
  description?: string
  deprecated?: boolean
  items?: JsonSchema | boolean
  prefixItems?: JsonSchema[]
  properties?: Record<string, JsonSchema | boolean>
  required?: string[]
  additionalProperties?: JsonSchema | boolean
  oneOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  allOf?: JsonSchema[]
}
