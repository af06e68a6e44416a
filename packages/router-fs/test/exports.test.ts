import { expect, it } from 'vitest'

it('keeps the public export names stable', async () => {
  expect(Object.keys(await import('../src/index.ts')).sort()).toMatchInlineSnapshot(`
    [
      "FileRouteError",
      "applyRouteManifest",
      "buildRouteManifest",
      "fileRouteErrorCodes",
      "fileRoutes",
      "generateRouteTypes",
      "scanRoutes",
      "watchFileRoutes",
    ]
  `)
})

it('keeps the portable ./manifest entry to what runs without a file system', async () => {
  expect(Object.keys(await import('../src/manifest.ts')).sort()).toMatchInlineSnapshot(`
    [
      "FileRouteError",
      "applyRouteManifest",
      "fileRouteErrorCodes",
    ]
  `)
})
