import type { OpenSpeed } from '@openspeed/core'
import {
  type BaseServeOptions,
  defaultLogError,
  internalErrorResponse,
  type ListeningServer,
  type ServerHandle,
  type SignalRuntime,
  startServer,
} from '@openspeed/core/adapter'
import { type DenoGlobal, type DenoNetAddr, type DenoServeOptions, denoRuntime } from './_deno.ts'
import type { DenoHttpServer } from './deno-server.ts'
import { type DenoHandlerOptions, toDenoHandler } from './to-deno-handler.ts'

export type { DenoHttpServer, DenoServeHandlerInfo } from './deno-server.ts'

/**
 * Options for {@link serve}.
 *
 * @example
 * await serve(app, { port: 0, hostname: '127.0.0.1' })
 */
export interface ServeOptions extends DenoHandlerOptions, BaseServeOptions {
  /** PEM certificate and key (strings): serves HTTPS. */
  tls?: { cert: string; key: string }
}

/**
 * A running server, returned by {@link serve}: `url`, `port`, `server` (the `Deno.HttpServer`) and `close()`.
 *
 * @example
 * const handle = await serve(app, { port: 0 })
 * await fetch(handle.url)
 * await handle.close()
 */
export type ServeHandle = ServerHandle<DenoHttpServer>

/**
 * Serves an app with `Deno.serve()`: awaits `app.ready()`, listens, reports the client address to
 * `getConnInfo(c)`, and shuts down gracefully on SIGTERM/SIGINT.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { serve } from '@openspeed/adapters-deno'
 *
 * const app = new OpenSpeed().get('/', (c) => c.text('Hello, OpenSpeed!'))
 * const server = await serve(app, { port: 3000 })
 * console.log(`listening on ${server.url}`)
 */
export async function serve(app: OpenSpeed<any, any>, options: ServeOptions = {}): Promise<ServeHandle> {
  const deno = denoRuntime()
  return startServer(app, options, {
    runtime: signalRuntime(deno),
    listen: () => listenOnDeno(deno, app, options),
  })
}

async function listenOnDeno(
  deno: DenoGlobal,
  app: OpenSpeed<any, any>,
  options: ServeOptions,
): Promise<ListeningServer<DenoHttpServer>> {
  const logError = options.logError ?? defaultLogError
  let listening!: (addr: DenoNetAddr) => void
  const listened = new Promise<DenoNetAddr>((resolve) => {
    listening = resolve
  })
  const serveOptions: DenoServeOptions = {
    port: options.port ?? 3000,
    hostname: options.hostname,
    handler: toDenoHandler(app, options),
    onListen: (addr) => listening(addr),
    onError(error) {
      logError(error)
      return internalErrorResponse().toResponse()
    },
  }
  if (options.tls !== undefined) Object.assign(serveOptions, options.tls)
  const server = deno.serve(serveOptions)
  const { port } = await listened
  return { server, port, secure: options.tls !== undefined, drain: (timeout) => shutdown(server, timeout) }
}

/** Stops accepting connections and waits for in-flight requests, for `timeout` ms at most. */
async function shutdown(server: DenoHttpServer, timeout: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeout)
  })
  try {
    await Promise.race([server.shutdown(), expired])
  } finally {
    clearTimeout(timer)
  }
}

function signalRuntime(deno: DenoGlobal): SignalRuntime {
  return {
    pid: deno.pid,
    on: (signal, listener) => deno.addSignalListener(signal, listener),
    off: (signal, listener) => deno.removeSignalListener(signal, listener),
    // Deno unbinds a removed signal listener asynchronously: raised in the same turn, the signal can
    // still reach the old binding and be swallowed (the process then exits 0), so raise it a turn later
    kill: (pid, signal) => {
      setTimeout(() => deno.kill(pid, signal), 0)
    },
    exit: (code) => deno.exit(code),
  }
}
