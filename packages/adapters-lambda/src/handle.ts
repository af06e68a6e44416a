import type { OpenSpeed } from '@openspeed/core'
import { defaultLogError, internalErrorResponse } from '@openspeed/core/adapter'
import type { Context as LambdaContext } from 'aws-lambda'
import { eventFormat } from './_format.ts'
import { PendingWork, respondToEvent } from './_respond.ts'
import { toLambdaResult } from './_response.ts'
import type { LambdaHandlerOptions, LambdaHttpEvent, LambdaResult } from './types.ts'

export type { LambdaHttpEvent, LambdaResult } from './types.ts'

/**
 * A Lambda handler for HTTP events.
 *
 * @example
 * export const handler: LambdaHandler = handle(app)
 */
export type LambdaHandler = (event: LambdaHttpEvent, context: LambdaContext) => Promise<LambdaResult>

/**
 * Turns an app into a Lambda handler for API Gateway REST APIs (payload 1.0), HTTP APIs (payload
 * 1.0 and 2.0), Application Load Balancers (with or without multi-value headers) and Function URLs.
 * The result has the shape the event's service expects: base64 for binary bodies, every
 * `Set-Cookie` in `cookies` (2.0) or `multiValueHeaders` (1.0, ALB). `c.env` holds the event,
 * its `requestContext` and the `lambdaContext`; promises given to `c.executionCtx.waitUntil()`
 * are awaited before the handler returns.
 *
 * An event that is not an HTTP event throws a `LambdaAdapterError`; a malformed HTTP event
 * (no method or path, bad base64 body, invalid header) is answered with a 400 problem response.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { handle } from '@openspeed/adapters-lambda'
 *
 * const app = new OpenSpeed().get('/hello', (c) => c.json({ hello: 'world' }))
 * export const handler = handle(app)
 */
export function handle(app: OpenSpeed<any, any>, options: LambdaHandlerOptions = {}): LambdaHandler {
  const logError = options.logError ?? defaultLogError
  return async (event, context) => {
    const format = eventFormat(event)
    const pending = new PendingWork()
    const response = await respondToEvent(app, event, format, context, pending, logError)
    let result: LambdaResult
    try {
      result = await toLambdaResult(response, format, logError)
    } catch (error) {
      // a stream body that fails midway: the client gets a clean 500 instead of half a body
      logError(error)
      result = await toLambdaResult(internalErrorResponse().toResponse(), format, logError)
    }
    await pending.settle(logError)
    return result
  }
}
