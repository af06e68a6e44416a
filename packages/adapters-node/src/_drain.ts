import type { Http2Session } from 'node:http2'
import type { Socket } from 'node:net'
import type { NodeRequest, NodeResponse, NodeServer } from './types.ts'

const kSweepInterval = 100

/**
 * Tracks what a server must wait for when it shuts down. `node:http(s)` servers track their own
 * connections (`closeIdleConnections()`); HTTP/2 servers do not, so their sessions (and, with
 * `allowHTTP1`, their HTTP/1.1 sockets and in-flight requests on them) are tracked here.
 */
export class Drainer {
  draining = false
  /** Whether requests must be reported with {@link track} (an HTTP/2 server, maybe with HTTP/1.1). */
  readonly tracksRequests: boolean
  readonly #server: NodeServer
  readonly #sessions = new Set<Http2Session>()
  readonly #sockets = new Map<Socket, number>()

  constructor(server: NodeServer, http2: boolean) {
    this.#server = server
    this.tracksRequests = http2
    if (http2) {
      server.on('session', (session: Http2Session) => {
        this.#sessions.add(session)
        session.once('close', () => this.#sessions.delete(session))
      })
      server.on('secureConnection', (socket: Socket & { alpnProtocol?: string | false }) => {
        if (socket.alpnProtocol === 'h2') return
        this.#sockets.set(socket, 0)
        socket.once('close', () => this.#sockets.delete(socket))
      })
    }
  }

  /** Counts an HTTP/1.1 request on an HTTP/2 server as in flight until its response ends. */
  track(req: NodeRequest, res: NodeResponse): void {
    if (req.httpVersionMajor !== 1) return
    const socket = req.socket as Socket
    const count = this.#sockets.get(socket)
    if (count === undefined) return
    this.#sockets.set(socket, count + 1)
    res.once('close', () => {
      const current = this.#sockets.get(socket)
      if (current === undefined) return
      this.#sockets.set(socket, current - 1)
      if (current === 1 && this.draining) socket.destroy()
    })
  }

  /**
   * Stops accepting connections, closes idle ones, lets in-flight requests finish, and resolves
   * once every connection is closed, destroying whatever is left after `timeout` ms.
   */
  drain(timeout: number): Promise<void> {
    this.draining = true
    const server = this.#server
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.destroyAll(), timeout)
      // a response whose headers went out before draining began carries no `Connection: close`,
      // so its keep-alive connection turns idle later: sweep until the server is closed
      const sweep = setInterval(() => this.#closeIdle(), kSweepInterval)
      timer.unref()
      sweep.unref()
      server.close(() => {
        clearTimeout(timer)
        clearInterval(sweep)
        resolve()
      })
      this.#closeIdle()
    })
  }

  #closeIdle(): void {
    const server = this.#server
    if ('closeIdleConnections' in server) server.closeIdleConnections()
    // GOAWAY: the session ends once its open streams are done
    for (const session of this.#sessions) session.close()
    for (const [socket, count] of this.#sockets) if (count === 0) socket.destroy()
  }

  /** Destroys every remaining connection (the timeout, or a second signal). */
  destroyAll(): void {
    const server = this.#server
    if ('closeAllConnections' in server) server.closeAllConnections()
    for (const session of this.#sessions) session.destroy()
    for (const socket of this.#sockets.keys()) socket.destroy()
  }
}
