import { isPromiseLike } from './_promise.ts'
import type { Context } from './context.ts'
import { FastResponse } from './fast-response.ts'
import { OpenSpeedError } from './openspeed-error.ts'
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
const ignore = (): void => {}

function nextCalledTwice(): OpenSpeedError {
  return new OpenSpeedError(
    'OS_ERR_MIDDLEWARE_NEXT_CALLED_TWICE',
    'A middleware called next() more than once; the rest of the chain runs only once per request',
  )
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
  // each level stays synchronous until a handler returns a promise, so a chain of synchronous
  // middleware costs no promise, and one that awaits pays only for the levels that do
  const fromError = (c: Context, error: unknown): Promise<void> | undefined => {
    const response = fail(c, error, onError)
    return isPromiseLike(response) ? Promise.resolve(response).then(ignore) : undefined
  }
  const finish = (c: Context, index: number, value: unknown): Promise<void> | undefined => {
    try {
      if (index === last || value !== undefined) toResult(c, value)
      return undefined
    } catch (error) {
      return fromError(c, error)
    }
  }
  const run = (c: Context, index: number): Promise<void> | undefined => {
    let value: unknown
    // the flag lives in the context the `next` closure already captures: no extra allocation
    let called = false
    const next =
      index === last
        ? noopNext
        : () => {
            if (called) throw nextCalledTwice()
            called = true
            return Promise.resolve(run(c, index + 1))
          }
    try {
      value = handlers[index]!(c, next)
    } catch (error) {
      return fromError(c, error)
    }
    if (!isPromiseLike(value)) return finish(c, index, value)
    return Promise.resolve(value).then(
      (resolved) => finish(c, index, resolved),
      (error: unknown) => fromError(c, error),
    )
  }
  const response = (c: Context): ChainResult | Promise<ChainResult> =>
    c.res ?? fail(c, new MissingResponseError(), onError)
  return (c) => {
    const pending = run(c, 0)
    return pending === undefined ? response(c) : pending.then(() => response(c))
  }
}
