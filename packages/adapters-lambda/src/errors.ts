import { type ErrorCodeTable, OpenSpeedError } from '@openspeed/core'

/** A stable error code of `@openspeed/adapters-lambda`. */
export type LambdaErrorCode =
  | 'OS_ERR_LAMBDA_UNSUPPORTED_EVENT'
  | 'OS_ERR_LAMBDA_INVALID_EVENT'
  | 'OS_ERR_LAMBDA_INVALID_BASE64'
  | 'OS_ERR_LAMBDA_STREAMING_UNAVAILABLE'

/**
 * Every error code the Lambda adapter produces, with the HTTP status the client gets. A code
 * without a status is thrown to the Lambda runtime, because there is no HTTP client to answer.
 *
 * @example
 * import { lambdaErrorCodes } from '@openspeed/adapters-lambda'
 * lambdaErrorCodes.OS_ERR_LAMBDA_INVALID_BASE64.status // 400
 */
export const lambdaErrorCodes: ErrorCodeTable<LambdaErrorCode> = {
  OS_ERR_LAMBDA_UNSUPPORTED_EVENT: {
    description:
      'The event is not an API Gateway, ALB or Function URL HTTP event; thrown, so the invocation fails.',
  },
  OS_ERR_LAMBDA_INVALID_EVENT: {
    status: 400,
    description:
      'An HTTP event misses its method or path, or carries a header, method or path no request can have.',
  },
  OS_ERR_LAMBDA_INVALID_BASE64: {
    status: 400,
    description: 'The event says its body is base64 (`isBase64Encoded: true`) but it is not valid base64.',
  },
  OS_ERR_LAMBDA_STREAMING_UNAVAILABLE: {
    description:
      '`streamHandle()` was called outside the AWS Lambda Node.js runtime (no `awslambda.streamifyResponse`).',
  },
}

/**
 * Thrown at the integration boundary when there is no HTTP client to answer: an event that is not
 * an HTTP event, or `streamHandle()` outside the Lambda runtime. An `OpenSpeedError`, recognised
 * across installed copies by `isInstance()`.
 *
 * @example
 * try { await handler({ Records: [] }, context) } catch (error) {
 *   if (LambdaAdapterError.isInstance(error)) console.log(error.code) // OS_ERR_LAMBDA_UNSUPPORTED_EVENT
 * }
 */
export class LambdaAdapterError extends OpenSpeedError<LambdaErrorCode> {
  static {
    OpenSpeedError.brand(LambdaAdapterError, '@openspeed/adapters-lambda.LambdaAdapterError')
  }
}
