export {
  type BunServer,
  type ServeHandle,
  type ServeOptions,
  serve,
} from './serve.ts'
export { type BunHandler, type BunHandlerOptions, toBunHandler } from './to-bun-handler.ts'
