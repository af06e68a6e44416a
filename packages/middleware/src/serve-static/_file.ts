import type { FileHandle } from 'node:fs/promises'
import { open, realpath } from 'node:fs/promises'
import { sep } from 'node:path'

/** An open regular file inside the root, with what the response needs from its stat. */
export interface OpenFile {
  handle: FileHandle
  size: number
  mtimeMs: number
}

const kChunk = 64 * 1024

/** Whether `path` is `root` itself or below it; `root + sep` so `/srv/public-secret` is not inside `/srv/public`. */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)
}

function missing(error: unknown): boolean {
  const code = (error as { code?: string }).code
  return (
    code === 'ENOENT' ||
    code === 'ENOTDIR' ||
    code === 'EISDIR' ||
    code === 'ENAMETOOLONG' ||
    code === 'ELOOP'
  )
}

/**
 * Opens `path` if it is a regular file whose real location (symlinks resolved) is inside `realRoot`.
 * `null` when it does not exist or is a directory; `'outside'` when a symlink leads out of the root.
 */
export async function openInside(
  realRoot: string,
  path: string,
): Promise<OpenFile | 'outside' | 'directory' | null> {
  let real: string
  try {
    real = await realpath(path)
  } catch (error) {
    if (missing(error)) return null
    throw error
  }
  if (!isInside(realRoot, real)) return 'outside'
  let handle: FileHandle
  try {
    handle = await open(real, 'r')
  } catch (error) {
    if (missing(error)) return null
    throw error
  }
  const stats = await handle.stat()
  if (!stats.isFile()) {
    await handle.close()
    return stats.isDirectory() ? 'directory' : null
  }
  return { handle, size: stats.size, mtimeMs: stats.mtimeMs }
}

/** Reads `length` bytes from `start` into one buffer (small files skip the stream machinery). */
export async function readBytes(file: OpenFile, start: number, length: number): Promise<Uint8Array> {
  try {
    const buffer = new Uint8Array(length)
    let offset = 0
    while (offset < length) {
      const { bytesRead } = await file.handle.read(buffer, offset, length - offset, start + offset)
      if (bytesRead === 0) break
      offset += bytesRead
    }
    return offset === length ? buffer : buffer.subarray(0, offset)
  } finally {
    await file.handle.close()
  }
}

/** Streams bytes `start`..`end` (inclusive) with backpressure; the file closes when done or cancelled. */
export function streamBytes(file: OpenFile, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start
  const close = (): Promise<void> => file.handle.close().catch(() => {})
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const length = Math.min(kChunk, end + 1 - position)
      try {
        const buffer = new Uint8Array(length)
        const { bytesRead } =
          length > 0 ? await file.handle.read(buffer, 0, length, position) : { bytesRead: 0 }
        if (bytesRead === 0) {
          await close()
          controller.close()
          return
        }
        position += bytesRead
        controller.enqueue(bytesRead === length ? buffer : buffer.subarray(0, bytesRead))
      } catch (error) {
        await close()
        controller.error(error)
      }
    },
    cancel: close,
  })
}
