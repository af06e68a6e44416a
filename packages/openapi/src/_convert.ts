import type { StandardSchemaV1 } from '@openspeed/core'
import { toJsonSchema as valibotToJsonSchema } from '@valibot/to-json-schema'
import { z } from 'zod'
import { OpenApiError } from './errors.ts'
import type { JsonSchemaObject } from './json-schema.ts'

/** Whether a schema describes what a request sends (`input`) or what a handler answers (`output`). */
export type SchemaIo = 'input' | 'output'

/** A custom schema converter: return JSON Schema, or `undefined` to use the built-in ones. */
export type SchemaConverter = (schema: StandardSchemaV1, io: SchemaIo) => JsonSchemaObject | undefined

interface StandardJsonSchema {
  input?: (options: { target: string }) => JsonSchemaObject
  output?: (options: { target: string }) => JsonSchemaObject
}

/** Converts one Standard Schema to JSON Schema (draft 2020-12), `$defs` and all. */
export function convertSchema(
  schema: StandardSchemaV1,
  io: SchemaIo,
  custom: SchemaConverter | undefined,
): JsonSchemaObject {
  const own = custom?.(schema, io)
  if (own !== undefined) return own
  const standard = schema['~standard']
  // zod's own converter copes with types JSON Schema cannot express (dates, transforms)
  if (standard.vendor === 'zod') {
    return z.toJSONSchema(schema as unknown as z.ZodType, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
    }) as JsonSchemaObject
  }
  if (standard.vendor === 'valibot') {
    return valibotToJsonSchema(schema as never, {
      target: 'draft-2020-12',
      typeMode: io,
      errorMode: 'ignore',
    }) as JsonSchemaObject
  }
  const convert = (standard as { jsonSchema?: StandardJsonSchema }).jsonSchema?.[io]
  if (typeof convert === 'function') return convert({ target: 'draft-2020-12' })
  throw new OpenApiError(
    'OS_ERR_OPENAPI_UNSUPPORTED_SCHEMA',
    `Cannot document a "${standard.vendor}" schema: it offers no ~standard.jsonSchema. Pass a toJsonSchema option, or use jsonSchema() with the equivalent JSON Schema`,
  )
}
