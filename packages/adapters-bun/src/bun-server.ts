import type { BunSocketAddress } from './_bun.ts'

/**
 * The part of a `Bun.Server` the adapter uses (the real object has more: `upgrade`, `publish`, ...).
 *
 * @example
 * const { server } = await serve(app, { port: 0 })
 * console.log(server.pendingRequests)
 */
export interface BunServer {
  readonly port?: number
  readonly hostname?: string
  readonly url: URL
  readonly pendingRequests: number
  requestIP(request: Request): BunSocketAddress | null
  stop(closeActiveConnections?: boolean): Promise<void>
}
