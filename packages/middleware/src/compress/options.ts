/**
 * Options for `compress()`.
 *
 * @example
 * const options: CompressOptions = { encodings: ['br', 'gzip'], threshold: 2048 }
 */
export interface CompressOptions {
  /**
   * Codings offered, in server preference order (used to break q-value ties). Default
   * `['zstd', 'br', 'gzip', 'deflate']` (node:zlib build) or `['gzip', 'zstd', 'br', 'deflate']`
   * (CompressionStream build); codings the runtime cannot produce are left out.
   */
  encodings?: readonly ContentCoding[]
  /** Bodies of known length below this many bytes are sent as they are. Default 1024. */
  threshold?: number
  /** Which content types to compress. Default: text, JSON, XML, JavaScript, SVG, wasm, fonts. */
  filter?: (contentType: string) => boolean
}

/**
 * A content coding the middleware can produce (the HTTP tokens).
 *
 * @example
 * const preferred: ContentCoding[] = ['br', 'gzip']
 */
export type ContentCoding = 'zstd' | 'br' | 'gzip' | 'deflate'
