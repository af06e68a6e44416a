import { middlewareError } from '../_errors.ts'

/** What a request path resolves to: the file segments under the root, or why it is refused. */
export type PathCheck =
  | { kind: 'file'; segments: string[]; directory: boolean; dotfile: boolean }
  | { kind: 'outside' }

/**
 * Turns the request path (already decoded by core once, except `%25` and reserved escapes) into
 * path segments under the root. It decodes exactly once more, so `%252e%252e` stays the literal name
 * `%2e%2e`, never `..`. NUL bytes, backslashes and bad escapes are a 400; any `..` segment, however
 * it was spelt, is refused rather than resolved.
 */
export function checkPath(path: string): PathCheck {
  let decoded: string
  try {
    decoded = path.includes('%') ? decodeURIComponent(path) : path
  } catch {
    throw middlewareError('OS_ERR_STATIC_BAD_PATH', { detail: 'The path has invalid percent-encoding' })
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    throw middlewareError('OS_ERR_STATIC_BAD_PATH', { detail: 'The path contains a NUL byte or a backslash' })
  }
  const segments: string[] = []
  let dotfile = false
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') return { kind: 'outside' }
    if (segment.startsWith('.')) dotfile = true
    segments.push(segment)
  }
  return { kind: 'file', segments, directory: decoded.endsWith('/') || segments.length === 0, dotfile }
}
