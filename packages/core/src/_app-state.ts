import type { ServingState } from './_handle.ts'
import { createHookLists, type HookLists } from './_hooks.ts'
import type { OpenSpeed, OpenSpeedOptions } from './open-speed.ts'
import type { Plugin } from './plugin.ts'
import type { ErrorHandler, Handler, MiddlewareHandler, NotFoundHandler } from './types.ts'

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

/**
 * What an app registered and where it is in its lifecycle, kept on the app as `app['~state']`:
 * the `~` marks it internal, and building, mounting and serving read an app (a mounted one too)
 * through it without a back door into the class.
 */
export interface AppState {
  readonly options: OpenSpeedOptions
  readonly routes: RouteDefinition[]
  readonly middleware: MiddlewareDefinition[]
  readonly mounts: { prefix: string; app: OpenSpeed<any, any> }[]
  readonly hooks: HookLists
  readonly plugins: { plugin: Plugin<any>; options: unknown }[]
  errorHandler: ErrorHandler | undefined
  notFoundHandler: NotFoundHandler | undefined
  /** The composed routes and chains, once built; rebuilt when a plugin adds routes. */
  serving: ServingState | undefined
  started: boolean
  ready: Promise<void> | undefined
  pluginsRun: Promise<void> | undefined
  closed: Promise<void> | undefined
}

export function createAppState(options: OpenSpeedOptions): AppState {
  return {
    options,
    routes: [],
    middleware: [],
    mounts: [],
    hooks: createHookLists(),
    plugins: [],
    errorHandler: undefined,
    notFoundHandler: undefined,
    serving: undefined,
    started: false,
    ready: undefined,
    pluginsRun: undefined,
    closed: undefined,
  }
}
