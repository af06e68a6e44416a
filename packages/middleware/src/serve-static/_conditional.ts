/** A strong validator from size and modification time (what nginx and Caddy use). */
export function etagOf(size: number, mtimeMs: number, coding: string | null): string {
  const base = `${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}`
  return coding === null ? `"${base}"` : `"${base}-${coding}"`
}

function weakMatch(header: string, etag: string): boolean {
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag
  for (const item of header.split(',')) {
    const candidate = item.trim()
    if (candidate === '*' || candidate === opaque || candidate === `W/${opaque}`) return true
  }
  return false
}

/**
 * Whether a GET/HEAD can be answered 304 (RFC 9110 §13.2.2): If-None-Match when present (weak
 * comparison), otherwise If-Modified-Since at one-second resolution. A malformed date is ignored.
 */
export function notModified(
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
  etag: string,
  mtimeMs: number,
): boolean {
  if (ifNoneMatch !== undefined) return weakMatch(ifNoneMatch, etag)
  if (ifModifiedSince === undefined) return false
  const since = Date.parse(ifModifiedSince)
  return !Number.isNaN(since) && Math.floor(mtimeMs / 1000) * 1000 <= since
}

/** If-Range (RFC 9110 §13.1.5): the range applies only if the validator still matches, compared strongly. */
export function rangeStillValid(ifRange: string | undefined, etag: string, lastModified: string): boolean {
  if (ifRange === undefined) return true
  const value = ifRange.trim()
  if (value.startsWith('"')) return value === etag
  if (value.startsWith('W/')) return false
  return value === lastModified
}
