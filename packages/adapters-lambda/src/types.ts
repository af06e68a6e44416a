import type {
  ALBEvent,
  ALBResult,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
  Context as LambdaContext,
  LambdaFunctionURLEvent,
} from 'aws-lambda'

/**
 * What handlers see as `c.env` on Lambda. Type the app with it to read the event, its request
 * context and the Lambda context with their AWS types.
 *
 * @example
 * import type { APIGatewayProxyEventV2 } from 'aws-lambda'
 * const app = new OpenSpeed<{ Bindings: LambdaBindings<APIGatewayProxyEventV2> }>()
 * app.get('/id', (c) => c.text(c.env.requestContext.requestId))
 */
export interface LambdaBindings<E extends LambdaHttpEvent = LambdaHttpEvent> {
  /** The event as Lambda delivered it. */
  event: E
  /** `event.requestContext`: stage, request id, authorizer claims, source IP, ... */
  requestContext: E['requestContext']
  /** The Lambda context: request id, function name, `getRemainingTimeInMillis()`, ... */
  lambdaContext: LambdaContext
}

/**
 * Options for `handle()` and `streamHandle()`.
 *
 * @example
 * export const handler = handle(app, { logError: (error) => logger.error(error) })
 */
export interface LambdaHandlerOptions {
  /** Where failures the app could not answer are reported. Default: core's `defaultLogError`. */
  logError?: (error: unknown) => void
}

/**
 * An HTTP event from API Gateway (REST or HTTP API), an Application Load Balancer or a Function URL.
 *
 * @example
 * const result = await handler(event as LambdaHttpEvent, context)
 */
export type LambdaHttpEvent =
  | APIGatewayProxyEvent
  | APIGatewayProxyEventV2
  | ALBEvent
  | LambdaFunctionURLEvent

/**
 * What the handler returns to Lambda: the result shape the event's service expects.
 *
 * @example
 * const result: LambdaResult = await handler(event, context)
 * console.log(result.statusCode)
 */
export type LambdaResult = APIGatewayProxyResult | APIGatewayProxyStructuredResultV2 | ALBResult
