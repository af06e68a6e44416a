const kTypes = new Set([
  'application/json',
  'application/x-ndjson',
  'application/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'application/xml',
  'application/wasm',
  'application/x-www-form-urlencoded',
  'application/rtf',
  'application/x-tar',
  'application/vnd.ms-fontobject',
  'image/bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'font/ttf',
  'font/otf',
  'font/collection',
])

/**
 * Whether a content type is worth compressing: text (except `text/event-stream`, whose events must
 * not wait in an encoder), JSON, XML, JavaScript, SVG, wasm and uncompressed fonts. Images, audio,
 * video, archives, woff/woff2 and `application/octet-stream` are already compressed or unknown.
 */
export function isCompressible(contentType: string): boolean {
  const semicolon = contentType.indexOf(';')
  const type = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase()
  if (type.startsWith('text/')) return type !== 'text/event-stream'
  return type.endsWith('+json') || type.endsWith('+xml') || kTypes.has(type)
}
