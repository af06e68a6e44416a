import { compileErrors, validate } from '@readme/openapi-parser'
import type { OpenApiDocument } from '../src/types.ts'

/** Validates a document with @readme/openapi-parser; throws the parser's messages when invalid. */
export async function expectValidOpenApi(document: OpenApiDocument): Promise<void> {
  // the parser dereferences in place: hand it a copy
  const result = await validate(structuredClone(document) as never)
  if (!result.valid) throw new Error(`invalid OpenAPI document:\n${compileErrors(result)}`)
  if (result.warnings.length > 0) throw new Error(`OpenAPI warnings: ${JSON.stringify(result.warnings)}`)
}
