export {
  handle,
  type VercelEdgeContext,
  type VercelEdgeHandler,
  type VercelEdgeHandlerOptions,
} from './handle.ts'
