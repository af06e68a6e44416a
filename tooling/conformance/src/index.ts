export { node24Binary } from '@openspeed/node24'
export { type RawAnswer, rawExchange } from './_raw-http.ts'
export { importDist } from './dist.ts'
export { type DistTarget, defineDistTest } from './dist-suite.ts'
export {
  type ReadmeExampleOptions,
  type ReadmeExampleResult,
  runReadmeExample,
  withReadmeExample,
} from './readme-example.ts'
export { nodeSourceArgs } from './runtimes.ts'
export { defineShutdownSuite, type ShutdownTarget } from './shutdown-suite.ts'
export { freePort, type SpawnedServer, type SpawnServerOptions, spawnServer } from './spawn-server.ts'
export { defineConformanceSuite } from './suite.ts'
export { type ConformanceGap, type ConformanceTarget, gapReasons, type RunningServer } from './types.ts'
