import { expect, it } from 'vitest'

it('keeps the public export names stable', async () => {
  expect(Object.keys(await import('../src/index.ts')).sort()).toMatchInlineSnapshot(`
    [
      "OpenApiError",
      "component",
      "openapi",
      "openapiErrorCodes",
      "openapiHandler",
      "validateResponses",
    ]
  `)
  expect(Object.keys(await import('../src/docs.ts')).sort()).toEqual(['docs'])
  expect(Object.keys(await import('../src/json-schema.ts')).sort()).toEqual(['jsonSchema'])
})
