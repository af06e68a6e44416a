import type { ContentCoding } from './compress/options.ts'

// RFC 9110 §12.5.3: Accept-Encoding = #( codings [ weight ] ); weight = OWS ";" OWS "q=" qvalue
const kEntry = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:[ \t]*;[ \t]*[qQ]=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?))?$/

/**
 * Parses `Accept-Encoding` into lower-case coding -> q. `null` when the header is malformed, which
 * callers treat as "identity only" rather than guessing.
 */
export function parseAcceptEncoding(header: string): Map<string, number> | null {
  const weights = new Map<string, number>()
  if (header.length > 1024) return null
  for (const part of header.split(',')) {
    const entry = part.trim()
    if (entry === '') continue
    const match = kEntry.exec(entry)
    if (match === null) return null
    let coding = match[1]!.toLowerCase()
    if (coding === 'x-gzip') coding = 'gzip'
    weights.set(coding, match[2] === undefined ? 1 : Number(match[2]))
  }
  return weights
}

/**
 * Picks the coding to send from `available` (in server preference order): the highest q the
 * client gives, ties broken by that order; `*` covers codings not named; q=0 refuses. `null`
 * means identity: no header, a malformed one, nothing acceptable, or identity weighted higher.
 */
export function negotiateEncoding(
  header: string | undefined,
  available: readonly ContentCoding[],
): ContentCoding | null {
  if (header === undefined) return null
  const weights = parseAcceptEncoding(header)
  if (weights === null) return null
  const wildcard = weights.get('*')
  let best: ContentCoding | null = null
  let bestQ = 0
  for (const coding of available) {
    const q = weights.get(coding) ?? wildcard ?? 0
    if (q > bestQ) {
      best = coding
      bestQ = q
    }
  }
  const identity = weights.get('identity')
  return identity !== undefined && identity > bestQ ? null : best
}
