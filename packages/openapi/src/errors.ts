import { type ErrorCodeTable, OpenSpeedError } from '@openspeed/core'

/** A stable error code of `@openspeed/openapi`. */
export type OpenApiErrorCode =
  | 'OS_ERR_OPENAPI_UNSUPPORTED_SCHEMA'
  | 'OS_ERR_OPENAPI_INVALID_JSON_SCHEMA'
  | 'OS_ERR_OPENAPI_COMPONENT_CONFLICT'
  | 'OS_ERR_OPENAPI_DUPLICATE_OPERATION_ID'
  | 'OS_ERR_OPENAPI_RESPONSE_INVALID'

/**
 * Every error code of this package; each is listed in the README. The first four are programming
 * errors thrown while a document is built; the last one is a development-time 500 answer.
 *
 * @example
 * import { openapiErrorCodes } from '@openspeed/openapi'
 * openapiErrorCodes.OS_ERR_OPENAPI_RESPONSE_INVALID.status // 500
 */
export const openapiErrorCodes: ErrorCodeTable<OpenApiErrorCode> = {
  OS_ERR_OPENAPI_UNSUPPORTED_SCHEMA: {
    description:
      'A route schema cannot be turned into JSON Schema: its library is not zod or valibot and offers no `~standard.jsonSchema`; wrap it or pass `toJsonSchema`.',
  },
  OS_ERR_OPENAPI_INVALID_JSON_SCHEMA: {
    description:
      '`jsonSchema(object)` was given an object that is not a valid JSON Schema (Ajv cannot compile it).',
  },
  OS_ERR_OPENAPI_COMPONENT_CONFLICT: {
    description: 'Two different schemas were registered under the same component name.',
  },
  OS_ERR_OPENAPI_DUPLICATE_OPERATION_ID: {
    description: 'Two routes were described with the same `operationId`.',
  },
  OS_ERR_OPENAPI_RESPONSE_INVALID: {
    status: 500,
    description:
      'Response validation (development): a handler answered with a body that does not match the schema `describe()` documents for its status; `errors` lists each issue.',
  },
}

/**
 * A programming error found while building an OpenAPI document (an unconvertible schema, a
 * component name used twice, a duplicate operation id). It carries a stable `code`.
 *
 * @example
 * import { OpenApiError, openapi } from '@openspeed/openapi'
 * try { openapi(app, { info }) } catch (error) {
 *   if (OpenApiError.isInstance(error)) console.error(error.code, error.message)
 * }
 */
export class OpenApiError extends OpenSpeedError<OpenApiErrorCode> {
  static {
    OpenSpeedError.brand(OpenApiError, '@openspeed/openapi.OpenApiError')
  }
}
