import { connect } from 'node:net'

/** One HTTP/1.1 answer read off a raw socket: status, lower-case headers, body. */
export interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * Writes `head` (a request without its final blank line; `Connection: close` is added) to the
 * server of `baseUrl` over a plain socket, so that Host headers and request targets no HTTP
 * client would send reach the server as written, and resolves once the server closes.
 */
export function rawExchange(baseUrl: string, head: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(parseAnswer(Buffer.concat(chunks).toString('utf8'))))
    socket.end(`${head}\r\nConnection: close\r\n\r\n`)
  })
}

function parseAnswer(raw: string): RawAnswer {
  const end = raw.indexOf('\r\n\r\n')
  if (end === -1) return { status: 0, headers: {}, body: raw }
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const body = raw.slice(end + 4)
  const chunked = headers['transfer-encoding']?.toLowerCase() === 'chunked'
  return { status: Number(statusLine.split(' ')[1]), headers, body: chunked ? unchunk(body) : body }
}

/** The payload of a chunked body (sizes count bytes; the answers read here are ASCII JSON). */
function unchunk(body: string): string {
  let payload = ''
  let offset = 0
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset)
    const size = Number.parseInt(body.slice(offset, lineEnd), 16)
    if (lineEnd === -1 || !(size > 0)) return payload
    payload += body.slice(lineEnd + 2, lineEnd + 2 + size)
    offset = lineEnd + 2 + size + 2
  }
}
