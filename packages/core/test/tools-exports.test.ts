import { expect, it } from 'vitest'

it('keeps the tools entry (`@openspeed/core/tools`) export names stable', async () => {
  const exports = Object.keys(await import('../src/tools.ts')).sort()
  expect(exports).toMatchInlineSnapshot(`
    [
      "getDescription",
      "getValidation",
    ]
  `)
})
