import { once } from 'node:events'
import type { Server } from 'node:http'

/** Where the CLI writes status lines and errors. */
export interface Logger {
  info(line: string): void
  error(line: string): void
}

/** Listens on `port`/`hostname` and reports the URL to reach the server at. */
export async function listen(
  server: Server,
  port: number,
  hostname: string | undefined,
): Promise<{ url: string; port: number }> {
  server.listen(port, hostname)
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => Promise.reject(error)),
  ])
  const actual = (server.address() as { port: number }).port
  const host = hostname === undefined || hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`, port: actual }
}
