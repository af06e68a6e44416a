import { expect, it } from 'vitest'

it('exports exactly the public API', async () => {
  expect(Object.keys(await import('../src/index.ts')).sort()).toMatchInlineSnapshot(`
    [
      "CliError",
      "buildApp",
      "cliErrorCodes",
      "configFileNames",
      "createPluginPackage",
      "defineConfig",
      "describeRoutes",
      "formatRouteTable",
      "loadConfig",
      "runCli",
      "runtimes",
      "startBuild",
      "startDevServer",
    ]
  `)
})
