export {
  type GenerateClientTypesOptions,
  generateClientTypes,
  type OpenApiDocument,
} from './generate.ts'
export type { JsonSchema } from './json-schema.ts'
