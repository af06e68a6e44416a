/**
 * `@openspeed/core/adapter`: the API for adapter authors, kept apart from what an app author
 * imports from `@openspeed/core`. An adapter turns its platform's input into a `RequestSource`,
 * runs it through `app.handle()` / `app.respond()`, and writes the result back.
 *
 * Adapters follow one naming rule:
 * - `serve(app, options)` when the adapter runs the server itself (Node, Bun, Deno), built on
 *   {@link startServer};
 * - `to<Runtime>Handler(app, options)` for a handler you mount in a server you run, or that the
 *   runtime's own CLI runs (`toNodeHandler`, `toBunHandler`, `toDenoHandler`);
 * - `handle(app, options)` for the entry point a hosting platform invokes per request or event
 *   (Cloudflare Workers, Vercel, AWS Lambda; `streamHandle` for Lambda response streaming).
 *
 * @example
 * import type { OpenSpeed } from '@openspeed/core'
 * import { WebRequestSource } from '@openspeed/core/adapter'
 *
 * export function handle(app: OpenSpeed) {
 *   return (request: Request) => app.respond(new WebRequestSource(request))
 * }
 *
 * @module
 */

export { invalidHostError, isValidAuthority } from './authority.ts'
export { defaultLogError, internalErrorResponse, respondSafely } from './last-resort.ts'
export type { HandleResult } from './open-speed.ts'
export {
  assertContentLength,
  bodyTooLarge,
  type RequestSource,
  readStreamWithLimit,
  WebRequestSource,
} from './request-source.ts'
export {
  type BaseServeOptions,
  type GracefulShutdownOptions,
  type ListeningServer,
  type ServerAdapter,
  type ServerHandle,
  type SignalRuntime,
  startServer,
} from './server-lifecycle.ts'
export { toWebResponse } from './web-response.ts'
