import type { Context } from './context.ts'
import { FastResponse } from './fast-response.ts'
import type { Handler, MiddlewareHandler, Next } from './types.ts'

/** What a composed chain resolves to. */
export type ChainResult = Response | FastResponse

/** Turns any thrown value into a response; provided by the app (hooks, error handler, logger). */
export type ErrorResponder = (error: unknown, c: Context) => ChainResult | Promise<ChainResult>

/** A route's handlers composed once, when the app starts serving. */
export type ComposedChain = (c: Context) => ChainResult | Promise<ChainResult>

/** What the router stores per route: the composed chain and the pattern it was registered with. */
export interface RouteEntry {
  readonly chain: ComposedChain
  readonly path: string
}

const noopNext: Next = () => Promise.resolve()

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function'
}

class MissingResponseError extends Error {
  constructor() {
    super('The route handler returned nothing: return c.json(), c.text(), a Response or a value')
    this.name = 'MissingResponseError'
  }
}

/** Normalises what a handler returned: responses pass, strings become text, values JSON. */
function toResult(c: Context, value: unknown): ChainResult {
  if (value instanceof FastResponse || value instanceof Response) {
    c.res = value
    return c.res
  }
  if (value === undefined) {
    if (c.res !== undefined) return c.res
    throw new MissingResponseError()
  }
  c.res = typeof value === 'string' ? c.text(value) : c.json(value)
  return c.res
}

function settle(c: Context, value: unknown, onError: ErrorResponder): ChainResult | Promise<ChainResult> {
  try {
    return toResult(c, value)
  } catch (error) {
    return fail(c, error, onError)
  }
}

function fail(c: Context, error: unknown, onError: ErrorResponder): ChainResult | Promise<ChainResult> {
  const result = onError(error, c)
  if (isPromiseLike(result)) {
    return result.then((response) => {
      c.res = response
      return response
    })
  }
  c.res = result
  return result
}

/**
 * Composes middleware and a handler into one function. A lone handler runs without any
 * promise when it is synchronous; with middleware, errors thrown at one level become the error
 * response at that level, so outer middleware still sees `c.res` (and `c.error`) after `next()`.
 */
export function composeChain(
  handlers: (Handler | MiddlewareHandler)[],
  onError: ErrorResponder,
): ComposedChain {
  if (handlers.length === 1) {
    const handler = handlers[0]!
    return (c) => {
      let value: unknown
      try {
        value = handler(c, noopNext)
      } catch (error) {
        return fail(c, error, onError)
      }
      if (isPromiseLike(value)) {
        return Promise.resolve(value).then(
          (resolved) => settle(c, resolved, onError),
          (error: unknown) => fail(c, error, onError),
        )
      }
      return settle(c, value, onError)
    }
  }
  const last = handlers.length - 1
  const dispatch = async (c: Context, index: number): Promise<void> => {
    const handler = handlers[index]!
    try {
      const value = await handler(c, index === last ? noopNext : () => dispatch(c, index + 1))
      if (index === last) toResult(c, value)
      else if (value !== undefined) toResult(c, value)
    } catch (error) {
      await fail(c, error, onError)
    }
  }
  return async (c) => {
    await dispatch(c, 0)
    return c.res ?? fail(c, new MissingResponseError(), onError)
  }
}
