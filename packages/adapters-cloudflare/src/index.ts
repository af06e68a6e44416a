export { type AssetsBinding, type ServeAssetsOptions, serveAssets } from './serve-assets.ts'
export { type ModuleWorker, toWorker, type WorkerEnv } from './to-worker.ts'
