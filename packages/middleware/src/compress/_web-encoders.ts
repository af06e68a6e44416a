import type { Encoder } from './_compress.ts'
import type { ContentCoding } from './options.ts'

const kFormats: Record<ContentCoding, string> = {
  zstd: 'zstd',
  br: 'brotli',
  gzip: 'gzip',
  deflate: 'deflate',
}

function supports(format: string): boolean {
  if (typeof CompressionStream !== 'function') return false
  try {
    new CompressionStream(format as CompressionFormat)
    return true
  } catch {
    return false
  }
}

function webEncoder(format: CompressionFormat): Encoder {
  return {
    bytes: async (data) =>
      new Uint8Array(
        await new Response(
          new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream(format)),
        ).arrayBuffer(),
      ),
    stream: () => new CompressionStream(format) as ReadableWritablePair<Uint8Array, Uint8Array>,
  }
}

/**
 * The encoders `CompressionStream` offers in this runtime, found by trying each format: gzip and
 * deflate everywhere, Brotli on Node >= 24, Bun and Deno, zstd on Bun.
 */
export function webEncoders(): Partial<Record<ContentCoding, Encoder>> {
  const encoders: Partial<Record<ContentCoding, Encoder>> = {}
  for (const coding of Object.keys(kFormats) as ContentCoding[]) {
    const format = kFormats[coding]
    if (supports(format)) encoders[coding] = webEncoder(format as CompressionFormat)
  }
  return encoders
}
