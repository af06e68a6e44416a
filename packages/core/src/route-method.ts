import type { OpenSpeed } from './open-speed.ts'
import type { AddRoute, Env, Handler, HandlerResult, Input, MiddlewareHandler, Schema } from './types.ts'

type H<E extends Env, P extends string, I extends Input, R extends HandlerResult> = Handler<E, P, I, R>
type M<E extends Env, P extends string, I extends Input> = MiddlewareHandler<E, P, I>

/**
 * The signature of `app.get()`, `app.post()`, ...: a path, up to four middleware (validators
 * included) and a handler. Validated inputs and the handler's output are recorded in the app type.
 */
export interface RouteMethod<E extends Env, S extends Schema, Method extends string> {
  <P extends string, R extends HandlerResult>(
    path: P,
    handler: H<E, P, {}, R>,
  ): OpenSpeed<E, AddRoute<S, Method, P, {}, R>>
  <P extends string, I1 extends Input = {}, R extends HandlerResult = HandlerResult>(
    path: P,
    m1: M<E, P, I1>,
    handler: H<E, P, I1, R>,
  ): OpenSpeed<E, AddRoute<S, Method, P, I1, R>>
  <P extends string, I1 extends Input = {}, I2 extends Input = {}, R extends HandlerResult = HandlerResult>(
    path: P,
    m1: M<E, P, I1>,
    m2: M<E, P, I2>,
    handler: H<E, P, I1 & I2, R>,
  ): OpenSpeed<E, AddRoute<S, Method, P, I1 & I2, R>>
  <
    P extends string,
    I1 extends Input = {},
    I2 extends Input = {},
    I3 extends Input = {},
    R extends HandlerResult = HandlerResult,
  >(
    path: P,
    m1: M<E, P, I1>,
    m2: M<E, P, I2>,
    m3: M<E, P, I3>,
    handler: H<E, P, I1 & I2 & I3, R>,
  ): OpenSpeed<E, AddRoute<S, Method, P, I1 & I2 & I3, R>>
  <
    P extends string,
    I1 extends Input = {},
    I2 extends Input = {},
    I3 extends Input = {},
    I4 extends Input = {},
    R extends HandlerResult = HandlerResult,
  >(
    path: P,
    m1: M<E, P, I1>,
    m2: M<E, P, I2>,
    m3: M<E, P, I3>,
    m4: M<E, P, I4>,
    handler: H<E, P, I1 & I2 & I3 & I4, R>,
  ): OpenSpeed<E, AddRoute<S, Method, P, I1 & I2 & I3 & I4, R>>
}

/** The signature of `app.on(methods, path, ...handlers)`, for any method or several at once. */
export interface RouteMethodOn<E extends Env, S extends Schema> {
  <Method extends string, P extends string, R extends HandlerResult>(
    method: Method | Method[],
    path: P,
    handler: H<E, P, {}, R>,
  ): OpenSpeed<E, AddRoute<S, Lowercase<Method>, P, {}, R>>
  <Method extends string, P extends string, I1 extends Input = {}, R extends HandlerResult = HandlerResult>(
    method: Method | Method[],
    path: P,
    m1: M<E, P, I1>,
    handler: H<E, P, I1, R>,
  ): OpenSpeed<E, AddRoute<S, Lowercase<Method>, P, I1, R>>
  <Method extends string, P extends string>(
    method: Method | Method[],
    path: P,
    ...handlers: M<E, P, any>[]
  ): OpenSpeed<E, S>
}
