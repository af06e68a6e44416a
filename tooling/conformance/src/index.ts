export { node24Binary, nodeSourceArgs } from './runtimes.ts'
export { freePort, type SpawnedServer, type SpawnServerOptions, spawnServer } from './spawn-server.ts'
export { defineConformanceSuite } from './suite.ts'
export { type ConformanceGap, type ConformanceTarget, gapReasons, type RunningServer } from './types.ts'
