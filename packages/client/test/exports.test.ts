import { expect, it } from 'vitest'

it('exports exactly the public API', async () => {
  expect(Object.keys(await import('../src/index.ts')).sort()).toMatchInlineSnapshot(`
    [
      "ClientError",
      "clientErrorCodes",
      "createClient",
    ]
  `)
  expect(Object.keys(await import('../src/contract/index.ts')).sort()).toMatchInlineSnapshot(`
    [
      "emitContract",
    ]
  `)
  expect(Object.keys(await import('../src/openapi/index.ts')).sort()).toMatchInlineSnapshot(`
    [
      "generateClientTypes",
    ]
  `)
})
