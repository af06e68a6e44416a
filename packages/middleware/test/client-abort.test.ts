import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const fixture = fileURLToPath(new URL('./fixtures/abort-app.ts', import.meta.url))
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const kBoundaries = 20

let child: ChildProcess
let port: number
let stderr = ''
let root: string

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'openspeed-abort-')))
  writeFileSync(join(root, 'big.txt'), 'a line of a static text file\n'.repeat(12_000)) // ~340 KiB
  child = spawn(process.execPath, ['--conditions=@openspeed/source', '--import', 'tsx', fixture, root], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^listening http:\/\/127\.0\.0\.1:(\d+)/.exec(line)
      if (match !== null) resolve(Number(match[1]))
    })
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${stderr}`)))
  })
}, 60_000)

afterAll(async () => {
  if (child !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  }
  if (root !== undefined) rmSync(root, { recursive: true, force: true })
})

/** Counts the complete chunks of a chunked response so far (-1 until the header block is in). */
function chunksIn(data: Buffer): number {
  const text = data.toString('latin1')
  let at = text.indexOf('\r\n\r\n')
  if (at === -1) return -1
  let chunks = 0
  for (at += 4; ; chunks++) {
    const eol = text.indexOf('\r\n', at)
    if (eol === -1) return chunks
    const size = Number.parseInt(text.slice(at, eol), 16)
    if (size === 0 || eol + 2 + size + 2 > text.length) return chunks
    at = eol + 2 + size + 2
  }
}

/**
 * Sends `request` on a raw socket and destroys the socket once `chunks` complete body chunks
 * arrived (`0`: with the first response byte) or the response ended. Resolves once it is closed.
 */
function abortAfter(request: string, chunks: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request))
    let data = Buffer.alloc(0)
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk])
      // a response with fewer chunks than asked for is read to its end
      if (chunks === 0 || chunksIn(data) >= chunks || data.includes('\r\n0\r\n\r\n')) socket.destroy()
    })
    socket.on('error', () => {})
    socket.on('close', () => resolve())
  })
}

/** Sends raw bytes, reads until the server closes the connection, returns what came back. */
function exchange(request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request))
    let data = ''
    socket.setEncoding('latin1').on('data', (chunk: string) => {
      data += chunk
    })
    socket.on('error', () => {})
    socket.on('close', () => resolve(data))
  })
}

const get = (path: string, headers = 'accept-encoding: gzip\r\n'): string =>
  `GET ${path} HTTP/1.1\r\nhost: localhost\r\n${headers}\r\n`

async function expectServing(): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/ok`)
  expect(await response.text()).toBe('ok')
  expect(child.exitCode).toBeNull()
  expect(stderr).toBe('')
}

describe('a server with compress, serveStatic and streams keeps serving when clients go away', () => {
  it.each([
    ['a gzip-compressed c.stream()', '/gzip/stream?n=20'],
    ['a CompressionStream-compressed c.stream()', '/web/stream?n=20'],
    ['a gzip-compressed c.sse()', '/gzip/sse?n=20'],
    ['an uncompressed c.stream()', '/plain/stream?n=20'],
    ['an uncompressed c.sse()', '/plain/sse?n=20'],
  ])('%s, closed after the first response byte, ten times over', async (_, path) => {
    for (let i = 0; i < 10; i++) await abortAfter(get(path), 0)
    await expectServing()
  })

  it.each([
    ['a gzip-compressed c.stream()', '/gzip/stream?n=40'],
    ['a CompressionStream-compressed c.stream()', '/web/stream?n=40'],
    ['a gzip-compressed c.sse()', '/gzip/sse?n=40'],
    ['an uncompressed c.stream()', '/plain/stream?n=40'],
    ['a gzip-compressed static file over 256 KiB', '/gzip/static/big.txt'],
    ['a CompressionStream-compressed static file over 256 KiB', '/web/static/big.txt'],
  ])('%s, closed at every chunk boundary', async (_, path) => {
    for (let k = 1; k <= kBoundaries; k++) await abortAfter(get(path), k)
    await expectServing()
  })

  it.skipIf(!existsSync('/proc/self/fd'))(
    'closes the file of a response whose client left before it was written',
    async () => {
      const openFiles = async (): Promise<number> =>
        Number(await (await fetch(`http://127.0.0.1:${port}/open-files`)).text())
      // the third request is refused at once, which closes the socket before the file is served
      for (let i = 0; i < 5; i++) {
        await exchange(
          `${get('/plain/static/big.txt', '')}${get('/ok', 'connection: close\r\n')}${get('/ok')}`,
        )
      }
      let open = await openFiles()
      for (let polls = 0; open > 0 && polls < 500; polls++) open = await openFiles()
      expect(open).toBe(0)
      await expectServing()
    },
  )

  it('answers a pipeline of a gzip stream, a Connection: close request and a third request', async () => {
    for (const path of ['/gzip/stream?n=20', '/gzip/static/big.txt', '/web/stream?n=20']) {
      await exchange(`${get(path)}${get('/ok', 'connection: close\r\n')}${get('/ok')}`)
    }
    await expectServing()
  })
})
