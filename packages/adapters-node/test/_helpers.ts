import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync } from 'node:fs'
import {
  type Agent,
  createServer,
  get,
  type IncomingMessage,
  type RequestListener,
  type Server,
} from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A started `node:http` server on a free loopback port. */
export interface TestServer {
  server: Server
  port: number
  url: string
  close(): Promise<void>
}

/** Starts `listener` on 127.0.0.1 with a free port. */
export async function listen(listener: RequestListener): Promise<TestServer> {
  const server = createServer(listener)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as { port: number }).port
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

/** A raw HTTP/1.1 response, split into status, lower-case headers and body. */
export interface RawResponse {
  raw: string
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * Sends raw bytes over a TCP socket and collects everything the server sends until it closes
 * the connection, or, for keep-alive answers, until `idleMs` pass without data once the answer has
 * started. A request with `Connection: close` (or `idleMs` of `Infinity`) waits for the close
 * alone; no timer runs before the first byte, however long a loaded machine takes to answer.
 */
export function rawRequest(port: number, data: string | Uint8Array, idleMs = 300): Promise<RawResponse> {
  const closes = typeof data === 'string' && /\r\nconnection: *close\r\n/i.test(data)
  const idle = closes ? Number.POSITIVE_INFINITY : idleMs
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let timer: NodeJS.Timeout | undefined
    const finish = (): void => {
      clearTimeout(timer)
      socket.destroy()
      resolve(parseResponse(Buffer.concat(chunks).toString('latin1')))
    }
    const arm = (): void => {
      clearTimeout(timer)
      if (idle !== Number.POSITIVE_INFINITY) timer = setTimeout(finish, idle)
    }
    socket.on('data', (chunk) => {
      chunks.push(chunk)
      arm()
    })
    socket.on('close', finish)
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET') finish()
      else reject(error)
    })
    socket.write(data)
  })
}

/** Parses the first response of a raw HTTP/1.1 answer (status 0 when there is none). */
export function parseResponse(raw: string): RawResponse {
  const end = raw.indexOf('\r\n\r\n')
  if (end === -1) return { raw, status: 0, headers: {}, body: '' }
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { raw, status: Number(statusLine!.split(' ')[1]), headers, body: raw.slice(end + 4) }
}

/** A promise with its resolve function, for events a test waits on. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** A self-signed key and certificate for localhost / 127.0.0.1, or `null` without `openssl`. */
export function selfSignedCertificate(): { key: string; cert: string } | null {
  const dir = mkdtempSync(join(tmpdir(), 'openspeed-tls-'))
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1']
        .concat(['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'])
        .concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
      { stdio: 'ignore' },
    )
  } catch {
    return null
  }
  return {
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
  }
}

/** GETs `url` through `agent` (to control keep-alive) and reads the whole body as text. */
export function getWithAgent(
  url: string,
  agent: Agent,
): Promise<{ response: IncomingMessage; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        body += chunk
      })
      response.on('end', () => resolve({ response, body }))
      response.on('error', reject)
    }).on('error', reject)
  })
}
