import { LambdaAdapterError } from './errors.ts'

/**
 * The payload format of an event, which also decides the shape of the result: `v1` (REST API and
 * HTTP API payload 1.0), `v2` (HTTP API payload 2.0 and Function URLs), `alb` and `alb-multi`
 * (ALB target groups with multi-value headers on).
 */
export type EventFormat = 'v1' | 'v2' | 'alb' | 'alb-multi'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** Recognises the payload format, or throws: a non-HTTP event has no client to answer. */
export function eventFormat(event: unknown): EventFormat {
  if (isObject(event) && isObject(event.requestContext)) {
    const context = event.requestContext
    if (isObject(context.elb)) return isObject(event.multiValueHeaders) ? 'alb-multi' : 'alb'
    if (event.version === '2.0') return 'v2'
    if (event.version === '1.0' || typeof event.httpMethod === 'string' || 'resourcePath' in context)
      return 'v1'
  }
  throw new LambdaAdapterError(
    'OS_ERR_LAMBDA_UNSUPPORTED_EVENT',
    'The event is not an HTTP event from API Gateway (REST or HTTP API), an Application Load Balancer ' +
      'or a Function URL; handle() only answers those',
  )
}
