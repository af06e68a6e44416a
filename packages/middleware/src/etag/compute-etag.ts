function toBase64Url(bytes: ArrayBuffer): string {
  let binary = ''
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * An entity tag for some bytes: a SHA-1 digest (Web Crypto), strong by default.
 *
 * @example
 * import { computeEtag } from '@openspeed/middleware/etag'
 * c.header('etag', await computeEtag(await file.arrayBuffer()))
 */
export async function computeEtag(body: string | Uint8Array | ArrayBuffer, weak = false): Promise<string> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
  const digest = await crypto.subtle.digest('SHA-1', bytes as Uint8Array<ArrayBuffer>)
  return `${weak ? 'W/' : ''}"${toBase64Url(digest)}"`
}
