import type { Context } from './context.ts'
import type { FastResponse } from './fast-response.ts'
import { HttpError } from './http-error.ts'
import type { OpenSpeed } from './open-speed.ts'
import { type ProblemDetails, toProblemResponse } from './problem.ts'
import type { RequestSource } from './request-source.ts'
import type { ExecutionContext } from './types.ts'

/**
 * The default `logError` of the app and of every adapter: one line naming the request when there
 * is one, then the error with its stack, on `console.error`.
 *
 * @example
 * import { defaultLogError } from '@openspeed/core/adapter'
 * const logError = options.logError ?? defaultLogError
 */
export function defaultLogError(error: unknown, c?: Context): void {
  const where = c === undefined ? 'unhandled error' : `unhandled error in ${c.req.method} ${c.req.path}`
  console.error(`[openspeed] ${where}:`, error)
}

/**
 * The last-resort answer of an adapter whose app failed to produce a response (a bug in a hook,
 * a header Node refuses, a runtime error callback): a 500 problem+json with
 * `code: OS_ERR_INTERNAL` that leaks nothing about the error. A fresh response per call, so a
 * writer may add headers to it.
 *
 * @example
 * import { defaultLogError, internalErrorResponse } from '@openspeed/core/adapter'
 * Bun.serve({ fetch, error: (error) => (defaultLogError(error), internalErrorResponse().toResponse()) })
 */
export function internalErrorResponse(): FastResponse<ProblemDetails> {
  return toProblemResponse(HttpError.fromCode('OS_ERR_INTERNAL'))
}

/**
 * `app.respond()` for a Fetch-API adapter, with a last resort built in: if responding throws or
 * rejects, `logError` gets the error (a logger that throws is ignored) and the client gets
 * {@link internalErrorResponse}. The platform's own error page, which may show a stack, is never
 * reached. (A source with an invalid Host, `source.invalid`, is answered by the app itself with its
 * 400, before any middleware runs.)
 *
 * @example
 * import { respondSafely, WebRequestSource } from '@openspeed/core/adapter'
 * export default { fetch: (request: Request) => respondSafely(app, new WebRequestSource(request)) }
 */
export function respondSafely(
  app: Pick<OpenSpeed<any, any>, 'respond'>,
  source: RequestSource,
  env?: unknown,
  executionCtx?: ExecutionContext,
  logError: (error: unknown) => void = defaultLogError,
): Response | Promise<Response> {
  let result: Response | Promise<Response>
  try {
    result = app.respond(source, env, executionCtx)
  } catch (error) {
    return answerInternalError(error, logError)
  }
  // an async function instead of `.catch(closure)`: no function allocated per request
  return result instanceof Promise ? settle(result, logError) : result
}

async function settle(result: Promise<Response>, logError: (error: unknown) => void): Promise<Response> {
  try {
    return await result
  } catch (error) {
    return answerInternalError(error, logError)
  }
}

function answerInternalError(error: unknown, logError: (error: unknown) => void): Response {
  try {
    logError(error)
  } catch {
    // a failing logger must not stop the 500 from being sent
  }
  return internalErrorResponse().toResponse()
}
