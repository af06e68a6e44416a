/** The byte range to send, inclusive. */
export interface ByteRange {
  start: number
  end: number
}

const kSingleRange = /^bytes=[ \t]*(\d*)-(\d*)[ \t]*$/i

/**
 * Interprets a `Range` header for a file of `size` bytes (RFC 9110 §14.1-14.2). `null`: send the
 * whole file, for no header, a malformed one, or several ranges (answered 200 in full, which
 * §14.2 allows, instead of multipart/byteranges). `'unsatisfiable'`: 416.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null
  const match = kSingleRange.exec(header)
  if (match === null) return null
  const [, first, last] = match
  if (first === '' && last === '') return null
  if (first === '') {
    // suffix range: the last N bytes
    const length = Number(last)
    if (length === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(first)
  const end = last === '' ? size - 1 : Number(last)
  if (last !== '' && end < start) return null
  if (start >= size) return 'unsatisfiable'
  return { start, end: Math.min(end, size - 1) }
}
