export { adaptersNodeErrorCodes, NodeAdapterError, type NodeAdapterErrorCode } from './errors.ts'
export {
  type NodeServer,
  type ServeHandle,
  type ServeOptions,
  serve,
} from './serve.ts'
export {
  type NodeHandler,
  type NodeHandlerOptions,
  type NodeRequest,
  type NodeResponse,
  toNodeHandler,
} from './to-node-handler.ts'
