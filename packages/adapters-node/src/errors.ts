import { type ErrorCodeTable, OpenSpeedError } from '@openspeed/core'

/** A stable error code of `@openspeed/adapters-node`. */
export type NodeAdapterErrorCode = 'OS_ERR_NODE_BODY_STREAM_LOCKED' | 'OS_ERR_NODE_UNSUPPORTED_BODY'

/**
 * Every error code the Node adapter raises itself. Both are programming errors: no client ever sees
 * the code, because a failure during a request is answered with core's 500 (`OS_ERR_INTERNAL`) and
 * the error goes to `logError`. Codes of requests the adapter refuses before the app runs (400,
 * 408, 431) are core's, listed in the README.
 *
 * @example
 * import { adaptersNodeErrorCodes } from '@openspeed/adapters-node'
 * adaptersNodeErrorCodes.OS_ERR_NODE_UNSUPPORTED_BODY.description
 */
export const adaptersNodeErrorCodes: ErrorCodeTable<NodeAdapterErrorCode> = {
  OS_ERR_NODE_BODY_STREAM_LOCKED: {
    description:
      'The body was read with `c.req.json()`, `text()`, ... while a reader of `c.req.stream()` still holds the stream.',
  },
  OS_ERR_NODE_UNSUPPORTED_BODY: {
    description:
      'A response body is none of string, `Uint8Array`, `ArrayBuffer`, `ReadableStream` or `null`; the client gets a 500.',
  },
}

/**
 * An error the Node adapter raises: an `OpenSpeedError` with a code from
 * {@link adaptersNodeErrorCodes}, recognised across installed copies by `isInstance()`.
 *
 * @example
 * toNodeHandler(app, {
 *   logError: (error) => {
 *     if (NodeAdapterError.isInstance(error)) console.error(error.code, error.message)
 *   },
 * })
 */
export class NodeAdapterError extends OpenSpeedError<NodeAdapterErrorCode> {
  static {
    OpenSpeedError.brand(NodeAdapterError, '@openspeed/adapters-node.NodeAdapterError')
  }
}
