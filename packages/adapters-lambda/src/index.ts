export { LambdaAdapterError, type LambdaErrorCode, lambdaErrorCodes } from './errors.ts'
export {
  handle,
  type LambdaHandler,
  type LambdaHttpEvent,
  type LambdaResult,
} from './handle.ts'
export { type LambdaStreamHandler, streamHandle } from './stream-handle.ts'
export type { LambdaBindings, LambdaHandlerOptions } from './types.ts'
