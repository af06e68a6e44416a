export { handle, type VercelEdgeContext, type VercelEdgeHandler } from './handle.ts'
