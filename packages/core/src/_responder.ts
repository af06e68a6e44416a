import type { ComposedChain, ErrorResponder } from './_compose.ts'
import type { HookLists } from './_hooks.ts'
import type { Context } from './context.ts'
import { HttpError } from './http-error.ts'
import { toProblemResponse } from './problem.ts'
import type { ErrorHandler } from './types.ts'

/**
 * Builds the function that turns any error into a response. The nearest error handler answers
 * first; one that throws hands what it threw to the next (the app the route's app is mounted in),
 * and past the last one the default problem response answers.
 */
export function createErrorResponder(
  errorHandlers: readonly ErrorHandler[],
  hooks: HookLists,
  logError: (error: unknown, c: Context) => void,
): ErrorResponder {
  const fallback = (error: unknown, c: Context) => {
    if (HttpError.isInstance(error)) return toProblemResponse(error, c.req.path)
    logError(error, c)
    return toProblemResponse(HttpError.fromCode('OS_ERR_INTERNAL'), c.req.path)
  }
  const observers = hooks.onError
  return (error, c) => {
    c.error = error
    for (const observe of observers) {
      try {
        Promise.resolve(observe(error, c)).catch((failure: unknown) => logError(failure, c))
      } catch (failure) {
        logError(failure, c)
      }
    }
    return respond(error, c, 0)
  }
  function respond(error: unknown, c: Context, index: number): ReturnType<ErrorResponder> {
    const handler = errorHandlers[index]
    if (handler === undefined) return fallback(error, c)
    try {
      const result = handler(error, c)
      return result instanceof Promise
        ? result.catch((failure: unknown) => respond(failure, c, index + 1))
        : result
    } catch (failure) {
      return respond(failure, c, index + 1)
    }
  }
}

/** Wraps a chain with the app's `onRequest` / `onResponse` hooks (only when there are some). */
export function withRequestHooks(
  chain: ComposedChain,
  hooks: HookLists,
  onError: ErrorResponder,
): ComposedChain {
  const { onRequest, onResponse } = hooks
  if (onRequest.length === 0 && onResponse.length === 0) return chain
  return async (c) => {
    try {
      for (const hook of onRequest) {
        const early = await hook(c)
        if (early !== undefined) {
          c.res = early
          break
        }
      }
      if (c.res === undefined) await chain(c)
      for (const hook of onResponse) await hook(c, c.res!)
      return c.res!
    } catch (error) {
      c.res = await onError(error, c)
      return c.res
    }
  }
}
