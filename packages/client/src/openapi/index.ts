export type { JsonSchema } from './_schema.ts'
export {
  type GenerateClientTypesOptions,
  generateClientTypes,
  type OpenApiDocument,
} from './generate.ts'
