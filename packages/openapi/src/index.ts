export type { SchemaConverter, SchemaIo } from './_convert.ts'
export { component } from './component.ts'
export { OpenApiError, type OpenApiErrorCode, openapiErrorCodes } from './errors.ts'
export { openapiHandler } from './handler.ts'
export {
  type JsonSchemaObject,
  type JsonSchemaOptions,
  type JsonSchemaValidator,
  jsonSchema,
} from './json-schema.ts'
export { type OpenApiOptions, openapi } from './openapi.ts'
export type {
  ComponentsObject,
  InfoObject,
  OpenApiDocument,
  OpenApiObject,
  ServerObject,
  TagObject,
} from './types.ts'
export { type ValidateResponsesOptions, validateResponses } from './validate-responses.ts'
