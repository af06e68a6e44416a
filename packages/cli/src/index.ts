export { type BuildOptions, type BuildResult, buildApp } from './build.ts'
export { type CliOptions, runCli } from './cli.ts'
export { CliError, type CliErrorCode, cliErrorCodes } from './cli-error.ts'
export {
  configFileNames,
  defineConfig,
  loadConfig,
  type OpenSpeedConfig,
  type ResolvedConfig,
  type Runtime,
  runtimes,
} from './config.ts'
export { type DevServer, type DevServerOptions, startDevServer } from './dev-server.ts'
export type { Logger } from './logger.ts'
export { createPluginPackage, type PluginOptions } from './plugin-new.ts'
export { describeRoutes, formatRouteTable, type RouteRow } from './routes.ts'
export { type StartOptions, startBuild } from './start.ts'
