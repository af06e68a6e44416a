import type { StandardSchemaV1 } from '@openspeed/core'
import type { JsonSchemaObject } from './types.ts'

/**
 * Whether a schema describes what a request sends (`input`) or what a handler answers (`output`).
 *
 * @example
 * const io: SchemaIo = 'input'
 */
export type SchemaIo = 'input' | 'output'

/**
 * A custom schema converter: return JSON Schema, or `undefined` to use the built-in ones.
 *
 * @example
 * const toJsonSchema: SchemaConverter = (schema, io) => (isMySchema(schema) ? mySchemaToJson(schema, io) : undefined)
 * const document = openapi(app, { info: { title: 'Books API', version: '1.0.0' }, toJsonSchema })
 */
export type SchemaConverter = (schema: StandardSchemaV1, io: SchemaIo) => JsonSchemaObject | undefined
