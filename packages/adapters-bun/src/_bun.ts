import type { BunServer } from './bun-server.ts'
// The few Bun APIs the adapter uses, typed here so that neither this package's build nor its users
// need Bun's global type definitions.

/** The address Bun reports for a request's peer. */
export interface BunSocketAddress {
  address: string
  port: number
  family: 'IPv4' | 'IPv6'
}

/** A `Bun.file()` reference. */
export interface BunFile extends Blob {
  exists(): Promise<boolean>
}

type BunHandler = (request: Request, server: BunServer) => Response | Promise<Response>

/** The `Bun.serve()` options the adapter passes. */
export interface BunServeOptions {
  port: number
  hostname?: string
  tls?: unknown
  idleTimeout?: number
  routes?: Record<string, BunHandler>
  fetch: BunHandler
  error(error: Error): Response
}

/** The part of `globalThis.Bun` the adapter uses. */
export interface BunGlobal {
  serve(options: BunServeOptions): BunServer
  file(path: string): BunFile
}

/** `globalThis.Bun`, or a clear error outside Bun. */
export function bunRuntime(): BunGlobal {
  const bun = (globalThis as { Bun?: BunGlobal }).Bun
  if (bun === undefined)
    throw new TypeError('@openspeed/adapters-bun runs on Bun only; on Node use @openspeed/adapters-node')
  return bun
}
