import type { DenoNetAddr } from './_deno.ts'

/**
 * The second argument Deno passes to a serve handler (`Deno.ServeHandlerInfo`).
 *
 * @example
 * const handler = (request: Request, info: DenoServeHandlerInfo) => new Response(info.remoteAddr.hostname)
 */
export interface DenoServeHandlerInfo {
  readonly remoteAddr: DenoNetAddr | { transport: 'unix'; path: string }
  readonly completed?: Promise<void>
}

/**
 * The part of `Deno.HttpServer` the adapter uses.
 *
 * @example
 * const { server } = await serve(app, { port: 0 })
 * await server.finished
 */
export interface DenoHttpServer {
  readonly addr: DenoNetAddr | { transport: 'unix'; path: string }
  readonly finished: Promise<void>
  shutdown(): Promise<void>
}
