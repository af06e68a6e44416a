import { createHash } from 'node:crypto'
import { expect } from 'vitest'
import { expectProblem, type SuiteContext } from './_suite-context.ts'
import { fixtureBodyLimit } from './fixture.ts'

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

/** Bytes 0..255 repeated: every byte value, including ones invalid as UTF-8. */
function binary(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size)
  for (let i = 0; i < size; i++) bytes[i] = i % 256
  return bytes
}

/** A body sent without Content-Length (chunked), in pieces. */
function chunked(bytes: Uint8Array, pieceSize = 64 * 1024): RequestInit & { duplex: 'half' } {
  let offset = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close()
      controller.enqueue(bytes.subarray(offset, (offset += pieceSize)))
    },
  })
  return { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/octet-stream' } }
}

/**
 * `fetch` for an upload the server answers before it has read all of it. A server that then closes
 * the connection with unread bytes makes the kernel send a reset, which can reach the client before
 * the answer does (workerd does this under load): the client then sees ECONNRESET while still
 * writing. Such an attempt is retried, a few times at most; any other failure is not.
 */
async function fetchWhileUploading(target: string, init: () => RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(target, init())
    } catch (error) {
      const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code
      if (code !== 'ECONNRESET' || attempt === 3) throw error
    }
  }
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** JSON, form, multipart, binary, large and oversized request bodies. */
export function bodyCases({ test, url }: SuiteContext): void {
  test('reads a JSON body', async () => {
    const body = { name: 'Ada', tags: ['a', 'ü'], nested: { n: 1.5, ok: true, none: null } }
    const response = await fetch(url('/echo/json'), json(body))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: body })
  })

  test('answers 400 problem+json to invalid JSON and 415 to a wrong content type', async () => {
    await expectProblem(await fetch(url('/echo/json'), { ...json(null), body: '{"unterminated' }), 400)
    await expectProblem(await fetch(url('/echo/json'), { method: 'POST', body: 'plain text' }), 415)
  })

  test('reads a url-encoded form with repeated fields', async () => {
    const body = new URLSearchParams([
      ['name', 'Ada Lovelace'],
      ['tag', 'a'],
      ['tag', 'b&c'],
    ])
    const response = await fetch(url('/echo/form'), { method: 'POST', body })
    expect(await response.json()).toEqual({ name: ['Ada Lovelace'], tag: ['a', 'b&c'] })
  })

  test('reads a multipart body with fields and files', async () => {
    const form = new FormData()
    form.append('title', 'Ünïcode title')
    form.append('file', new Blob(['hello file'], { type: 'text/plain' }), 'hello.txt')
    form.append('file', new Blob([binary(300)], { type: 'application/octet-stream' }), 'b.bin')
    const response = await fetch(url('/echo/form'), { method: 'POST', body: form })
    const fields = (await response.json()) as Record<string, any[]>
    expect(fields.title).toEqual(['Ünïcode title'])
    // Bun adds `;charset=utf-8` to a text part's type: compare media types
    const [text, bytes] = fields.file!.map((file) => ({ ...file, type: file.type.split(';')[0] }))
    expect(text).toEqual({ name: 'hello.txt', type: 'text/plain', size: 10, text: 'hello file' })
    expect(bytes).toMatchObject({ name: 'b.bin', type: 'application/octet-stream', size: 300 })
  })

  test('answers 400 problem+json to a malformed multipart body', async () => {
    const response = await fetch(url('/echo/form'), {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=nope' },
      body: 'this is not multipart',
    })
    await expectProblem(response, 400)
  })

  test('round-trips a binary body byte for byte', async () => {
    const bytes = binary(70_000)
    const response = await fetch(url('/echo/binary'), { method: 'POST', body: bytes })
    expect(response.headers.get('content-type')).toBe('application/octet-stream')
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(bytes))
  })

  test('reads a large body just under the limit', async () => {
    const bytes = binary(fixtureBodyLimit - 1)
    const response = await fetch(url('/echo/digest'), { method: 'POST', body: bytes })
    expect(await response.json()).toEqual({ size: bytes.byteLength, sha256: sha256(bytes) })
  })

  test('answers 413 problem+json to a declared length over the limit', async () => {
    const response = await fetch(url('/echo/digest'), { method: 'POST', body: binary(fixtureBodyLimit + 1) })
    const problem = await expectProblem(response, 413)
    expect(problem.code).toBe('OS_ERR_REQUEST_BODY_TOO_LARGE')
  })

  test(
    'reads a chunked body without Content-Length',
    async () => {
      const bytes = binary(300_000)
      const response = await fetch(url('/echo/digest'), chunked(bytes))
      expect(await response.json()).toEqual({ size: bytes.byteLength, sha256: sha256(bytes) })
    },
    'no-chunked-request',
  )

  test(
    'answers 413 problem+json to a chunked body that grows past the limit',
    async () => {
      const response = await fetchWhileUploading(url('/echo/digest'), () =>
        chunked(binary(fixtureBodyLimit * 2)),
      )
      await expectProblem(response, 413)
    },
    'no-chunked-request',
  )
}
