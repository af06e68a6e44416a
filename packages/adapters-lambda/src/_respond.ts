import { type ExecutionContext, HttpError, type OpenSpeed, toProblemResponse } from '@openspeed/core'
import { internalErrorResponse, WebRequestSource } from '@openspeed/core/adapter'
import type { Context as LambdaContext } from 'aws-lambda'
import type { EventFormat, LambdaHttpEvent } from './_format.ts'
import { toEventRequest } from './_request.ts'

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

/** Promises handed to `c.executionCtx.waitUntil()`; awaited before the invocation ends. */
export class PendingWork implements ExecutionContext {
  readonly #promises: Promise<unknown>[] = []

  waitUntil(promise: Promise<unknown>): void {
    this.#promises.push(promise)
  }

  async settle(logError: (error: unknown) => void): Promise<void> {
    for (const outcome of await Promise.allSettled(this.#promises)) {
      if (outcome.status === 'rejected') logError(outcome.reason)
    }
  }
}

/** The problem response for a request the app could not answer; internals never leak. */
export function failureResponse(error: unknown, logError: (error: unknown) => void): Response {
  if (HttpError.isInstance(error)) return toProblemResponse(error).toResponse()
  logError(error)
  return internalErrorResponse().toResponse()
}

/** Runs one HTTP event through the app; malformed events get their 400 problem response. */
export async function respondToEvent(
  app: OpenSpeed<any, any>,
  event: LambdaHttpEvent,
  format: EventFormat,
  lambdaContext: LambdaContext,
  pending: PendingWork,
  logError: (error: unknown) => void,
): Promise<Response> {
  try {
    const { request, connInfo } = toEventRequest(event as unknown as Record<string, unknown>, format)
    const env: LambdaBindings = { event, requestContext: event.requestContext, lambdaContext }
    return await app.respond(new WebRequestSource(request, connInfo), env, pending)
  } catch (error) {
    return failureResponse(error, logError)
  }
}
