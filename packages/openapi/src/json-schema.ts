import type { StandardSchemaIssue, StandardSchemaV1 } from '@openspeed/core'
import Ajv2020Module from 'ajv/dist/2020.js'
import formatsModule from 'ajv-formats'
import { OpenApiError } from './errors.ts'
import type { JsonSchemaObject } from './types.ts'

/** A JSON Schema that is also a Standard Schema: `validate()` checks with it, `openapi()` documents it. */
export interface JsonSchemaValidator<T = unknown> extends StandardSchemaV1<T, T> {
  /** The JSON Schema as given. */
  readonly schema: JsonSchemaObject
}

/** Options for {@link jsonSchema}. */
export interface JsonSchemaOptions {
  /**
   * Convert strings to the declared types (`"2"` to `2`, a single value to a one-item array), as
   * query strings, params, headers and cookies need. Default `false`.
   */
  coerce?: boolean
}

type AjvInstance = import('ajv').default
type AjvError = import('ajv').ErrorObject
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as new (
  options: object,
) => AjvInstance
const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (
  ajv: AjvInstance,
) => void

// OpenAPI's own format names: documented, not checked
const kOpenApiFormats = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']
const instances: { [coerce: string]: AjvInstance } = {}

function ajvFor(coerce: boolean): AjvInstance {
  const key = String(coerce)
  let ajv = instances[key]
  if (ajv === undefined) {
    ajv = new Ajv2020({
      allErrors: true,
      strict: false,
      useDefaults: true,
      coerceTypes: coerce ? 'array' : false,
    })
    addFormats(ajv)
    for (const format of kOpenApiFormats) ajv.addFormat(format, true)
    instances[key] = ajv
  }
  return ajv
}

function toPath(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function toIssue(error: AjvError): StandardSchemaIssue {
  const path = toPath(error.instancePath)
  const params = error.params as { additionalProperty?: string; missingProperty?: string }
  if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined) {
    return {
      path: [...path, params.additionalProperty],
      message: `Unrecognized key: "${params.additionalProperty}"`,
    }
  }
  if (error.keyword === 'required' && params.missingProperty !== undefined) {
    return { path: [...path, params.missingProperty], message: 'Required' }
  }
  return { path, message: error.message ?? `must pass "${error.keyword}"` }
}

/**
 * Wraps a plain JSON Schema object so it works like a zod or valibot schema: `validate()` checks
 * input with it through Ajv (formats included), and `openapi()` documents it as written. It also
 * offers the Standard JSON Schema interface (`~standard.jsonSchema`). Reuse parts with `$defs`
 * inside the schema; name the whole schema with `component()`.
 *
 * @example
 * import { jsonSchema } from '@openspeed/openapi/json-schema'
 * const book = jsonSchema<{ title: string }>({
 *   type: 'object',
 *   properties: { title: { type: 'string', minLength: 1 } },
 *   required: ['title'],
 *   additionalProperties: false,
 * })
 * app.post('/books', validate('json', book), (c) => c.json(c.req.valid('json'), 201))
 */
export function jsonSchema<T = unknown>(
  schema: JsonSchemaObject,
  options: JsonSchemaOptions = {},
): JsonSchemaValidator<T> {
  let check: ReturnType<AjvInstance['compile']>
  try {
    check = ajvFor(options.coerce === true).compile(schema)
  } catch (error) {
    throw new OpenApiError(
      'OS_ERR_OPENAPI_INVALID_JSON_SCHEMA',
      `jsonSchema() was given an invalid JSON Schema: ${(error as Error).message}`,
      { cause: error },
    )
  }
  const document = () => schema
  return {
    schema,
    '~standard': {
      version: 1,
      vendor: 'openspeed',
      validate: (input) => {
        const value = input === undefined ? undefined : structuredClone(input)
        if (check(value)) return { value: value as T }
        return { issues: (check.errors ?? []).map(toIssue) }
      },
      jsonSchema: { input: document, output: document },
    } as JsonSchemaValidator<T>['~standard'],
  }
}
