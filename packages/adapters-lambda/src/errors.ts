const kLambdaError: unique symbol = Symbol.for('openspeed.lambda-error')

/** A stable error code of `@openspeed/adapters-lambda`. */
export type LambdaErrorCode =
  | 'OS_ERR_LAMBDA_UNSUPPORTED_EVENT'
  | 'OS_ERR_LAMBDA_INVALID_EVENT'
  | 'OS_ERR_LAMBDA_INVALID_BASE64'
  | 'OS_ERR_LAMBDA_STREAMING_UNAVAILABLE'

/**
 * Every error code the Lambda adapter produces, with the HTTP status the client gets (`0` when
 * the error is thrown to the Lambda runtime because there is no HTTP client to answer).
 *
 * @example
 * import { lambdaErrorCodes } from '@openspeed/adapters-lambda'
 * lambdaErrorCodes.OS_ERR_LAMBDA_INVALID_BASE64.status // 400
 */
export const lambdaErrorCodes: Readonly<Record<LambdaErrorCode, { status: number; description: string }>> = {
  OS_ERR_LAMBDA_UNSUPPORTED_EVENT: {
    status: 0,
    description:
      'The event is not an API Gateway, ALB or Function URL HTTP event; thrown, so the invocation fails.',
  },
  OS_ERR_LAMBDA_INVALID_EVENT: {
    status: 400,
    description:
      'An HTTP event misses its method or path, or carries a header, host or path no request can have.',
  },
  OS_ERR_LAMBDA_INVALID_BASE64: {
    status: 400,
    description: 'The event says its body is base64 (`isBase64Encoded: true`) but it is not valid base64.',
  },
  OS_ERR_LAMBDA_STREAMING_UNAVAILABLE: {
    status: 0,
    description:
      '`streamHandle()` was called outside the AWS Lambda Node.js runtime (no `awslambda.streamifyResponse`).',
  },
}

/**
 * Thrown at the integration boundary when there is no HTTP client to answer: an event that is not
 * an HTTP event, or `streamHandle()` outside the Lambda runtime. Recognised across installed copies
 * through a `Symbol.for` brand.
 *
 * @example
 * try { await handler({ Records: [] }, context) } catch (error) {
 *   if (LambdaAdapterError.isInstance(error)) console.log(error.code) // OS_ERR_LAMBDA_UNSUPPORTED_EVENT
 * }
 */
export class LambdaAdapterError extends Error {
  readonly code: LambdaErrorCode

  constructor(code: LambdaErrorCode, message: string) {
    super(message)
    this.name = 'LambdaAdapterError'
    this.code = code
  }

  /** Whether `value` is a `LambdaAdapterError`, from this or any other installed copy. */
  static isInstance(value: unknown): value is LambdaAdapterError {
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[kLambdaError] === true
    )
  }
}

Object.defineProperty(LambdaAdapterError.prototype, kLambdaError, { value: true })
