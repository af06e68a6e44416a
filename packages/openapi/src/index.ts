export { component } from './component.ts'
export { OpenApiError, type OpenApiErrorCode, openapiErrorCodes } from './errors.ts'
export { openapiHandler } from './handler.ts'
export { type OpenApiOptions, openapi } from './openapi.ts'
export type { SchemaConverter, SchemaIo } from './schema-converter.ts'
export type {
  ComponentsObject,
  InfoObject,
  JsonSchemaObject,
  OpenApiDocument,
  OpenApiObject,
  ServerObject,
  TagObject,
} from './types.ts'
export { type ValidateResponsesOptions, validateResponses } from './validate-responses.ts'
