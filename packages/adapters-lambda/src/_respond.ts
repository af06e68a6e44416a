import { type ExecutionContext, HttpError, type OpenSpeed, toProblemResponse } from '@openspeed/core'
import { internalErrorResponse, WebRequestSource } from '@openspeed/core/adapter'
import type { Context as LambdaContext } from 'aws-lambda'
import type { EventFormat } from './_format.ts'
import { toEventRequest } from './_request.ts'
import type { LambdaBindings, LambdaHttpEvent } from './types.ts'

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
