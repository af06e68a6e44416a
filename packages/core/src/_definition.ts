import type { Context } from './context.ts'
import type { FastResponse } from './fast-response.ts'
import type { HookLists } from './_hooks.ts'
import type { OpenSpeed } from './open-speed.ts'
import type { Handler, MiddlewareHandler } from './types.ts'

/** Turns an error into a response (`app.onError`). */
export type ErrorHandler = (
  error: unknown,
  c: Context,
) => Response | FastResponse | Promise<Response | FastResponse>

/** Answers requests no route matches (`app.notFound`). */
export type NotFoundHandler = (c: Context) => Response | FastResponse | Promise<Response | FastResponse>

export interface RouteDefinition {
  method: string
  path: string
  handlers: (Handler | MiddlewareHandler)[]
}

export interface MiddlewareDefinition {
  /** `null` for middleware that applies to every route of its app. */
  scope: string | null
  handler: MiddlewareHandler
}

/** What an app has registered, read when it is built (its own or a parent's build). */
export interface AppDefinition {
  routes: RouteDefinition[]
  middleware: MiddlewareDefinition[]
  mounts: { prefix: string; app: OpenSpeed<any, any> }[]
  errorHandler: ErrorHandler | undefined
  hooks: HookLists
}
