import type { DenoHttpServer, DenoServeHandlerInfo } from './deno-server.ts'
// The few Deno APIs the adapter uses, typed here so that neither this package's build nor its
// users need Deno's global type definitions (`deno check` sees the real ones).

/** A TCP address as Deno reports it. */
export interface DenoNetAddr {
  transport: 'tcp' | 'udp'
  hostname: string
  port: number
}

/** The `Deno.serve()` options the adapter passes. */
export interface DenoServeOptions {
  port: number
  hostname?: string
  cert?: string
  key?: string
  onListen(addr: DenoNetAddr): void
  handler(request: Request, info: DenoServeHandlerInfo): Response | Promise<Response>
  onError(error: unknown): Response
}

/** The part of `globalThis.Deno` the adapter uses. */
export interface DenoGlobal {
  readonly pid: number
  serve(options: DenoServeOptions): DenoHttpServer
  addSignalListener(signal: string, handler: () => void): void
  removeSignalListener(signal: string, handler: () => void): void
  kill(pid: number, signal: string): void
  exit(code: number): never
}

/** `globalThis.Deno`, or a clear error outside Deno. */
export function denoRuntime(): DenoGlobal {
  const deno = (globalThis as { Deno?: DenoGlobal }).Deno
  if (deno === undefined)
    throw new TypeError('@openspeed/adapters-deno runs on Deno only; on Node use @openspeed/adapters-node')
  return deno
}
