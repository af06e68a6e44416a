export { handle, type ModuleWorker, toWorker, type WorkerEnv, type WorkerHandlerOptions } from './handle.ts'
export { type AssetsBinding, type ServeAssetsOptions, serveAssets } from './serve-assets.ts'
