import type { StandardSchemaV1 } from '@openspeed/core'
import { OpenApiError } from './errors.ts'
import type { SchemaConverter, SchemaIo } from './schema-converter.ts'
import type { JsonSchemaObject } from './types.ts'

type Convert = (options: { target: string; libraryOptions?: Record<string, unknown> }) => JsonSchemaObject

// what JSON Schema cannot express (dates, transforms) becomes `{}` instead of an exception
const kLibraryOptions: Record<string, Record<string, unknown>> = {
  zod: { unrepresentable: 'any' },
  valibot: { errorMode: 'ignore' },
}

const kHints: Record<string, string> = {
  valibot: 'wrap it with toStandardJsonSchema() from @valibot/to-json-schema',
}

/**
 * Converts one Standard Schema to JSON Schema (draft 2020-12), `$defs` and all, through the
 * library's own Standard JSON Schema interface (`~standard.jsonSchema`: zod 4.2+, valibot through
 * `toStandardJsonSchema()`, `jsonSchema()`), so no schema library is bundled with this package.
 */
export function convertSchema(
  schema: StandardSchemaV1,
  io: SchemaIo,
  custom: SchemaConverter | undefined,
): JsonSchemaObject {
  const own = custom?.(schema, io)
  if (own !== undefined) return own
  const standard = schema['~standard']
  const convert = (standard as { jsonSchema?: Partial<Record<SchemaIo, Convert>> }).jsonSchema?.[io]
  if (typeof convert === 'function')
    return convert({ target: 'draft-2020-12', libraryOptions: kLibraryOptions[standard.vendor] })
  const hint =
    kHints[standard.vendor] ??
    'pass a toJsonSchema option, or use jsonSchema() with the equivalent JSON Schema'
  throw new OpenApiError(
    'OS_ERR_OPENAPI_UNSUPPORTED_SCHEMA',
    `Cannot document a "${standard.vendor}" schema: it offers no ~standard.jsonSchema; ${hint}`,
  )
}
