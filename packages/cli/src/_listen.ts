import { once } from 'node:events'
import { createServer, type Server } from 'node:net'
import { CliError } from './cli-error.ts'

/**
 * Listens on `port`/`hostname` and reports the URL to reach the server at. A port another process
 * holds is an `OS_ERR_CLI_PORT_IN_USE` error that says how to pick another one.
 */
export async function listen(
  server: Server,
  port: number,
  hostname: string | undefined,
): Promise<{ url: string; port: number }> {
  server.listen(port, hostname)
  try {
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([error]) => Promise.reject(error)),
    ])
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    throw new CliError(
      'OS_ERR_CLI_PORT_IN_USE',
      `Port ${port}${hostname === undefined ? '' : ` on ${hostname}`} is already in use: stop the server using it, or pick another port with --port <n>`,
    )
  }
  const actual = (server.address() as { port: number }).port
  const host = hostname === undefined || hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`, port: actual }
}

/** Fails with `OS_ERR_CLI_PORT_IN_USE` when `port` is taken, before a server process is started. */
export async function assertPortFree(port: number, hostname: string | undefined): Promise<void> {
  if (port === 0) return
  const probe = createServer()
  await listen(probe, port, hostname)
  await new Promise((resolve) => probe.close(resolve))
}
