export {
  type DenoHttpServer,
  type DenoServeHandlerInfo,
  type ServeHandle,
  type ServeOptions,
  serve,
} from './serve.ts'
export { type DenoHandler, type DenoHandlerOptions, toDenoHandler } from './to-deno-handler.ts'
