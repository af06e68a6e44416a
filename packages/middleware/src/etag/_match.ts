const kEntityTag = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/

/** The opaque part of an entity tag, or `null` when it is not one (weak comparison ignores `W/`). */
function opaque(tag: string): string | null {
  const match = kEntityTag.exec(tag.trim())
  return match === null ? null : match[2]!
}

/**
 * Whether `If-None-Match` matches the current ETag, with the weak comparison RFC 9110 §13.1.2
 * asks for: `*` matches any current representation; otherwise any listed tag whose opaque part
 * equals the current one, weak or strong. Malformed members never match.
 */
export function ifNoneMatchHits(header: string, etag: string): boolean {
  const current = opaque(etag)
  if (current === null) return false
  if (header.trim() === '*') return true
  // entity tags cannot contain a comma, so splitting on commas is exact
  for (const member of header.split(',')) {
    if (opaque(member) === current) return true
  }
  return false
}
